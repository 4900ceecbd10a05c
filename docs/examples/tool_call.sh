#!/usr/bin/env bash
# A tool call round trip: the model asks for your function, you run it.
# Needs jq to read the JSON answers.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

ask() {
  curl --silent --show-error --fail-with-body "$API/responses" \
    --header "Authorization: Bearer $OPENAI_API_KEY" \
    --header "Content-Type: application/json" \
    --data "$1"
}

tools='[{
  "type": "function",
  "name": "get_order_status",
  "description": "Look up the delivery status of an order.",
  "parameters": {
    "type": "object",
    "properties": {
      "order_id": {"type": "string", "description": "The order number"}
    },
    "required": ["order_id"],
    "additionalProperties": false
  },
  "strict": true
}]'

# 1. Send the question along with the functions the model may ask for.
first=$(ask "$(jq --null-input --argjson tools "$tools" '{
  model: "gpt-4o-mini",
  input: "Where is my order 1042?",
  tools: $tools
}')")

# 2. Read the call the model asked for; run it (here: a fixed answer).
call=$(jq --compact-output \
  '.output[] | select(.type == "function_call")' <<<"$first")
name=$(jq --raw-output .name <<<"$call")
order_id=$(jq --raw-output '.arguments | fromjson | .order_id' <<<"$call")
echo "The model asks for $name with order_id $order_id"
result=$(jq --null-input --compact-output --arg id "$order_id" \
  '{order_id: $id, status: "shipped", expected: "tomorrow"}')

# 3. Send the result back; the model writes the answer for the customer.
ask "$(jq --null-input --argjson tools "$tools" \
  --arg previous "$(jq --raw-output .id <<<"$first")" \
  --arg call_id "$(jq --raw-output .call_id <<<"$call")" \
  --arg output "$result" '{
  model: "gpt-4o-mini",
  previous_response_id: $previous,
  input: [{type: "function_call_output", call_id: $call_id, output: $output}],
  tools: $tools
}')" | jq --raw-output \
  '.output[] | select(.type == "message") | .content[].text'
