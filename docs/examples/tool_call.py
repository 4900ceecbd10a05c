"""A tool call round trip: the model asks for your function, you run it."""

import json
import os

from openai import OpenAI
from openai.types.responses import FunctionToolParam, ResponseInputParam

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def get_order_status(order_id: str) -> dict[str, str]:
    """A function of your app; a real one would ask your order database."""
    return {"order_id": order_id, "status": "shipped", "expected": "tomorrow"}


tools: list[FunctionToolParam] = [
    {
        "type": "function",
        "name": "get_order_status",
        "description": "Look up the delivery status of an order.",
        "parameters": {
            "type": "object",
            "properties": {
                "order_id": {
                    "type": "string",
                    "description": "The order number",
                }
            },
            "required": ["order_id"],
            "additionalProperties": False,
        },
        "strict": True,
    }
]

# 1. Send the question along with the functions the model may ask for.
response = client.responses.create(
    model="gpt-4o-mini",
    input="Where is my order 1042?",
    tools=tools,
)

# 2. Run each function call the model asked for, and collect the results.
results: ResponseInputParam = []
for item in response.output:
    if item.type == "function_call" and item.name == "get_order_status":
        arguments = json.loads(item.arguments)
        print(f"The model asks for {item.name}({arguments})")
        results.append(
            {
                "type": "function_call_output",
                "call_id": item.call_id,
                "output": json.dumps(get_order_status(**arguments)),
            }
        )

# 3. Send the results back; the model writes the answer for the customer.
final = client.responses.create(
    model="gpt-4o-mini",
    previous_response_id=response.id,
    input=results,
    tools=tools,
)
print(final.output_text)
