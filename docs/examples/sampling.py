"""Sampling settings: the same question at a low and a high temperature."""

import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

for temperature in (0.2, 1.2):
    response = client.responses.create(
        model="gpt-4o-mini",
        input="Suggest a name for a neighbourhood bakery.",
        temperature=temperature,  # 0 to 2: low is focused, high is varied
        top_p=1,  # keep the whole vocabulary; lower it or temperature, rarely both
        max_output_tokens=50,  # a cap on the length of the answer, and on its cost
    )
    print(f"temperature {temperature}: {response.output_text}")
