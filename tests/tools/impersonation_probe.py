#!/usr/bin/python3
"""Tries, with one tool's credential, everything that would let it act as another tool, and reports what happened.

Checks (each in a fresh channel, since RabbitMQ closes a channel on an access error):
  publish_as_other:  publish to real.tools.submit with the other tool's id as routing key  -> must be refused (403)
  bind_other_replies: bind an own queue to real.tools.replies with the other tool's id    -> must be refused (403)
  body_claims_other:  publish as ourselves a batch whose toolId names the other tool      -> delivered; Real must reject it
Prints one JSON line: {"publish_as_other": "refused"|"allowed", "bind_other_replies": ..., "body_claims_other_reply": {...}}.

Usage: /usr/bin/python3 tests/tools/impersonation_probe.py --url URL --tool ME --other OTHER
"""
import argparse
import json
import sys
import time
import urllib.parse

import pika
import pika.exceptions


def refused(action):
    try:
        action()
        return "allowed"
    except pika.exceptions.ChannelClosedByBroker as error:
        return "refused" if error.reply_code == 403 else f"closed {error.reply_code}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--tool", required=True)
    parser.add_argument("--other", required=True)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    user = urllib.parse.unquote(urllib.parse.urlparse(args.url).username or "")
    connection = pika.BlockingConnection(pika.URLParameters(args.url))
    result = {}

    def publish_as_other():
        channel = connection.channel()
        channel.confirm_delivery()
        body = {"toolId": args.other, "batchId": "probe-1", "datasetId": "imagenet-val", "ratings": []}
        channel.basic_publish("real.tools.submit", args.other, json.dumps(body).encode(), pika.BasicProperties(content_type="application/json", user_id=user))
        channel.close()

    def bind_other_replies():
        channel = connection.channel()
        queue = f"real.tools.{args.tool}.probe"
        channel.queue_declare(queue=queue, auto_delete=True)
        channel.queue_bind(queue=queue, exchange="real.tools.replies", routing_key=args.other)
        channel.close()

    result["publish_as_other"] = refused(publish_as_other)
    result["bind_other_replies"] = refused(bind_other_replies)

    channel = connection.channel()
    channel.confirm_delivery()
    replies = f"real.tools.{args.tool}.replies"
    channel.queue_declare(queue=replies, durable=True)
    channel.queue_bind(queue=replies, exchange="real.tools.replies", routing_key=args.tool)
    rating = {"ratingId": "probe-r1", "image": "ILSVRC2012_val_00000001.JPEG", "label": 1, "raterId": f"{args.other}:x", "answer": "yes", "answeredAt": "2025-01-31T12:00:00Z"}
    body = {"toolId": args.other, "batchId": "probe-2", "datasetId": "imagenet-val", "ratings": [rating]}
    channel.basic_publish("real.tools.submit", args.tool, json.dumps(body).encode(), pika.BasicProperties(content_type="application/json", user_id=user))
    deadline = time.monotonic() + args.timeout
    for method, _, payload in channel.consume(replies, inactivity_timeout=0.5):
        if method is None:
            if time.monotonic() > deadline:
                break
            continue
        channel.basic_ack(method.delivery_tag)
        reply = json.loads(payload)
        if reply.get("batchId") == "probe-2":
            result["body_claims_other_reply"] = reply
            break
    connection.close()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
