#!/usr/bin/env bash
# Streaming: the answer arrives as server-sent events, printed as they come.
# Needs jq to read each event.
set -euo pipefail
API="${OPENAI_BASE_URL:-https://api.openai.com/v1}"

# Each event is a "data: {json}" line. Print the text deltas until
# response.completed. Any other end (a failed or incomplete response, an error
# event, or no end at all) means the text so far is not the whole answer:
# stop with the reason and a non-zero exit status.
curl --silent --show-error --fail-with-body --no-buffer "$API/responses" \
  --header "Authorization: Bearer $OPENAI_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "model": "gpt-6-luna",
    "input": "Explain in three sentences how sourdough rises.",
    "stream": true,
    "store": false
  }' | jq --null-input --raw-input --unbuffered --join-output '
  def stop(why): "\nThe answer \(why)\n" | halt_error(1);
  (inputs | select(startswith("data: ")) | .[6:] | fromjson
   | if .type == "response.output_text.delta" then .delta
     elif .type == "response.completed" then "\n", halt
     elif .type == "response.failed" then
       stop("failed: \(.response.error.message)")
     elif .type == "response.incomplete" then
       stop("was cut short: \(.response.incomplete_details.reason)")
     elif .type == "error" then stop("broke off: \((.error // .).message)")
     else empty end),
  stop("ended before it was complete")'
