"""Sampling settings: the same question at a low and a high temperature."""

import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

for temperature in (0.2, 1.2):
    response = client.responses.create(
        model="gpt-6-luna",
        input="Suggest a name for a neighbourhood bakery.",
        # This model reasons by default, and a reasoning model takes
        # temperature and top_p only with its reasoning turned off.
        reasoning={"effort": "none"},
        temperature=temperature,  # 0 to 2: low is focused, high is varied
        top_p=1,  # 1 keeps every word; change this or temperature, not both
        # Caps all the tokens the model writes, reasoning included, and so
        # what the output costs (the input is billed too): leave room for
        # the answer after any reasoning.
        max_output_tokens=300,
        store=False,
    )
    answer = response.output_text
    if response.status == "incomplete":  # the cap came before the answer's end
        answer += " [cut short by max_output_tokens]"
    print(f"temperature {temperature}: {answer}")
