"""Sampling settings: the same question at a low and a high temperature."""

import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

for temperature in (0.2, 1.2):
    response = client.responses.create(
        model="gpt-4o-mini",
        input="Suggest a name for a neighbourhood bakery.",
        temperature=temperature,  # 0 to 2: low is focused, high is varied
        top_p=1,  # 1 keeps every word; change this or temperature, not both
        max_output_tokens=50,  # caps the answer's length, and so its cost
    )
    print(f"temperature {temperature}: {response.output_text}")
