"""A first request: a system message that sets the job, then a question."""

import os

from openai import OpenAI

# The key comes from the environment, never from the code.
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

response = client.responses.create(
    model="gpt-6-luna",
    input=[
        {"role": "system", "content": "You answer for a bakery. Be brief."},
        {"role": "user", "content": "Do you bake gluten-free bread?"},
    ],
    store=False,
)
print(response.output_text)
