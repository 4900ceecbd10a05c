"""Streaming: print the answer piece by piece while it is being generated."""

import os
import sys

from openai import APIError, OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

stream = client.responses.create(
    model="gpt-6-luna",
    input="Explain in three sentences how sourdough rises.",
    stream=True,
    store=False,
)
# Any end but response.completed leaves a partial answer: stop with an error.
try:
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
        elif event.type == "response.completed":
            print()
            sys.exit()
        elif event.type == "response.failed" and event.response.error:
            sys.exit(f"\nThe answer failed: {event.response.error.message}")
        elif event.type == "response.incomplete":
            why = event.response.incomplete_details
            sys.exit(f"\nThe answer was cut short: {why and why.reason}")
        elif event.type == "error":
            sys.exit(f"\nThe answer broke off: {event.message}")
except APIError as error:  # an error event nested as the live API sends it
    sys.exit(f"\nThe answer broke off: {error.message}")
sys.exit("\nThe answer ended before it was complete")
