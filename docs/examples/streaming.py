"""Streaming: print the answer piece by piece while it is being generated."""

import os
import sys

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

stream = client.responses.create(
    model="gpt-6-luna",
    input="Explain in three sentences how sourdough rises.",
    stream=True,
)
for event in stream:
    if event.type == "response.output_text.delta":
        print(event.delta, end="", flush=True)
    elif event.type == "error":
        # Something failed mid-answer: the text so far is incomplete, so say so
        # and stop with an error rather than pass it on as a whole answer.
        sys.exit(f"\nThe answer broke off: {event.message} ({event.code})")
print()
