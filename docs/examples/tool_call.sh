#!/usr/bin/env bash
# A tool call round trip: the model asks for your functions, you run them.
# Needs jq to read the JSON answers.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

ask() {
  curl --silent --show-error --fail-with-body "$API/responses" \
    --header "Authorization: Bearer $OPENAI_API_KEY" \
    --header "Content-Type: application/json" \
    --data "$1"
}

# A function of your app; a real one would ask your order database.
get_order_status() {
  jq --null-input --compact-output --arg id "$1" \
    '{order_id: $id, status: "shipped", expected: "tomorrow"}'
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
#    OpenAI keeps nothing ("store": false): each request sends all of $exchange.
exchange='[{"role": "user", "content": "Where are my orders 1042 and 1043?"}]'
request() {
  jq --null-input --argjson tools "$tools" --argjson exchange "$exchange" '{
    model: "gpt-6-luna",
    input: $exchange,
    tools: $tools,
    store: false
  }'
}
response=$(ask "$(request)")

# 2. The model may ask for no function, or for several at once: run each
#    call, send its output and the results back, and repeat until it
#    answers in text.
calls() { jq --compact-output '.output[] | select(.type == "function_call")' \
  <<<"$response"; }
while [ -n "$(calls)" ]; do
  exchange=$(jq --compact-output --argjson response "$response" \
    '. + $response.output' <<<"$exchange")
  while read -r call; do
    name=$(jq --raw-output .name <<<"$call")
    echo "The model asks for $name with $(jq --raw-output .arguments <<<"$call")"
    if [ "$name" = get_order_status ]; then
      output=$(get_order_status \
        "$(jq --raw-output '.arguments | fromjson | .order_id' <<<"$call")")
    else
      output=$(jq --null-input --compact-output --arg name "$name" \
        '{error: "no function named \($name)"}')
    fi
    exchange=$(jq --compact-output --arg output "$output" \
      --arg call_id "$(jq --raw-output .call_id <<<"$call")" \
      '. + [{type: "function_call_output", call_id: $call_id, output: $output}]' \
      <<<"$exchange")
  done < <(calls)
  response=$(ask "$(request)")
done

# 3. The model's answer for the customer, written from the results.
jq --raw-output '.output[] | select(.type == "message") | .content[].text' \
  <<<"$response"
