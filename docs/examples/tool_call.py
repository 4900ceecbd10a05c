"""A tool call round trip: the model asks for your functions, you run them."""

import json
import os
from typing import cast

from openai import OpenAI
from openai.types.responses import (
    FunctionToolParam,
    ResponseFunctionToolCall,
    ResponseInputItemParam,
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


def as_input(output: list[ResponseOutputItem]) -> list[ResponseInputItemParam]:
    """A response's output items, to send back as input."""
    return [cast(ResponseInputItemParam, item.to_dict()) for item in output]


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
#    OpenAI keeps nothing (store=False): each request sends all of `exchange`.
exchange: ResponseInputParam = [
    {"role": "user", "content": "Where are my orders 1042 and 1043?"}
]
response = client.responses.create(
    model="gpt-6-luna", input=exchange, tools=tools, store=False
)


# 2. The model may ask for no function, or for several at once: run each
#    call, send its output and the results back, and repeat until it
#    answers in text.
while calls := function_calls(response.output):
    exchange += as_input(response.output)
    for call in calls:
        arguments = json.loads(call.arguments)
        print(f"The model asks for {call.name}({arguments})")
        if call.name == "get_order_status":
            result = get_order_status(**arguments)
        else:
            result = {"error": f"no function named {call.name}"}
        exchange.append(
            {
                "type": "function_call_output",
                "call_id": call.call_id,
                "output": json.dumps(result),
            }
        )
    response = client.responses.create(
        model="gpt-6-luna", input=exchange, tools=tools, store=False
    )

# 3. The model's answer for the customer, written from the results.
print(response.output_text)
