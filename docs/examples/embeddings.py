"""Embeddings and a tiny RAG: find the closest document, answer from it."""

import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

documents = [
    "You can get a refund within 30 days of purchase, with the receipt.",
    "The shop is open from 7:00 to 18:00, Monday to Saturday.",
    "Orders over 50 euros are delivered for free.",
]
question = "Can I still get a refund for a cake I bought two weeks ago?"

# 1. Turn every document and the question into a vector, in one request.
embedded = client.embeddings.create(
    model="text-embedding-3-small", input=[*documents, question]
)
vectors = [item.embedding for item in embedded.data]
question_vector = vectors.pop()


def similarity(a: list[float], b: list[float]) -> float:
    # The vectors have length 1: their dot product is their cosine similarity.
    return sum(x * y for x, y in zip(a, b, strict=True))


# 2. Retrieve: keep the document whose vector is closest to the question's.
best = max(
    range(len(documents)),
    key=lambda i: similarity(vectors[i], question_vector),
)
print(f"Retrieved: {documents[best]}")

# 3. Answer: feed the retrieved document to the model along with the question.
response = client.responses.create(
    model="gpt-6-luna",
    input=[
        {
            "role": "system",
            "content": f"Answer from this document:\n{documents[best]}",
        },
        {"role": "user", "content": question},
    ],
    store=False,
)
print(response.output_text)
