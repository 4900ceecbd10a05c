#!/usr/bin/env bash
# Streaming: the answer arrives as server-sent events, printed as they come.
# Needs jq to read each event.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

# Each event is a "data: {json}" line. Print the text deltas; on an error
# event, stop with the error: the text so far is not the whole answer.
curl --silent --show-error --fail-with-body --no-buffer "$API/responses" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-6-luna",
    "input": "Explain in three sentences how sourdough rises.",
    "stream": true
  }' | jq --raw-input --unbuffered --join-output '
  select(startswith("data: ")) | .[6:] | fromjson
  | if .type == "response.output_text.delta" then .delta
    elif .type == "error" then
      "\nThe answer broke off: \(.message) (\(.code))\n" | halt_error(1)
    else empty end'
echo
