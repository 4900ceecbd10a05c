"""Streaming: print the answer piece by piece while it is being generated."""

import os
import sys
from typing import NoReturn

from openai import APIError, OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def stop(why: str) -> NoReturn:
    """The text printed so far is not the whole answer: say why, and fail."""
    sys.exit(f"\nThe answer {why}")


stream = client.responses.create(
    model="gpt-6-luna",
    input="Explain in three sentences how sourdough rises.",
    stream=True,
    store=False,
)
try:
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
        elif event.type == "response.completed":
            print()
            break
        elif event.type == "response.failed":
            error = event.response.error
            stop(f"failed: {error.message if error else 'no reason given'}")
        elif event.type == "response.incomplete":
            details = event.response.incomplete_details
            why = details.reason if details else "no reason given"
            stop(f"was cut short: {why}")
        elif event.type == "error":
            stop(f"broke off: {event.message}")
    else:  # the stream ended without saying the answer was complete
        stop("ended before it was complete")
except APIError as error:
    # The API can send an error event with its fields nested under "error";
    # the SDK raises that one instead of passing it on as an event.
    stop(f"broke off: {error.message}")
