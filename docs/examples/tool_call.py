"""A tool call round trip: the model asks for your functions, you run them."""

import json
import os

from openai import OpenAI
from openai.types.responses import (
    FunctionToolParam,
    ResponseFunctionToolCall,
    ResponseInputParam,
    ResponseOutputItem,
)

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def get_order_status(order_id: str) -> dict[str, str]:
    """A function of your app; a real one would ask your order database."""
    return {"order_id": order_id, "status": "shipped", "expected": "tomorrow"}


def function_calls(
    output: list[ResponseOutputItem],
) -> list[ResponseFunctionToolCall]:
    """The function calls among the items of a response's output."""
    return [
        item for item in output if isinstance(item, ResponseFunctionToolCall)
    ]


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
    model="gpt-6-luna",
    input="Where are my orders 1042 and 1043?",
    tools=tools,
)


# 2. The model may ask for no function, or for several at once: run each
#    call, send every result back, and repeat until it answers in text.
while calls := function_calls(response.output):
    results: ResponseInputParam = []
    for call in calls:
        arguments = json.loads(call.arguments)
        print(f"The model asks for {call.name}({arguments})")
        if call.name == "get_order_status":
            result = get_order_status(**arguments)
        else:
            result = {"error": f"no function named {call.name}"}
        results.append(
            {
                "type": "function_call_output",
                "call_id": call.call_id,
                "output": json.dumps(result),
            }
        )
    response = client.responses.create(
        model="gpt-6-luna",
        previous_response_id=response.id,
        input=results,
        tools=tools,
    )

# 3. The model's answer for the customer, written from the results.
print(response.output_text)
