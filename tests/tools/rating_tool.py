#!/usr/bin/python3
"""A sample external rating tool for Real, written only against docs/rating-tool-protocol.md.

It uses nothing of Real's code: Debian's python3-pika and plain JSON. It
  1. binds its own queue to the tasks exchange and another to the replies exchange (routing key = its tool id),
  2. receives RatingTaskCreated messages and answers every candidate label as a simulated rater,
  3. publishes one SubmitRatings batch per task to the submit exchange (routing key = its tool id, user_id set),
  4. waits for the RatingsAccepted / RatingsRejected reply of each batch.
It prints "READY" once its queues are bound, then one JSON summary line, and exits 0 when every rating was accepted.

Usage: /usr/bin/python3 tests/tools/rating_tool.py --url amqp://TOOL:PASSWORD@127.0.0.1:5672/VHOST --tool TOOL --tasks N
"""
import argparse
import datetime
import hashlib
import json
import sys
import time
import urllib.parse

import pika

TASKS_EXCHANGE = "real.tools.tasks"
SUBMIT_EXCHANGE = "real.tools.submit"
REPLIES_EXCHANGE = "real.tools.replies"


def simulated_answer(rater, image, label):
    """A deterministic 'rater': the same (rater, image, label) always gets the same answer."""
    digest = hashlib.sha256(f"{rater}|{image}|{label}".encode()).digest()[0]
    return ("yes", "maybe", "no")[digest % 3]


def log(text):
    print(f"{datetime.datetime.now().isoformat(timespec='milliseconds')} rating_tool: {text}", file=sys.stderr, flush=True)


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="amqp://TOOL:PASSWORD@HOST:PORT/VHOST")
    parser.add_argument("--tool", required=True, help="this tool's id (its RabbitMQ user name)")
    parser.add_argument("--tasks", type=int, default=1, help="how many tasks to answer before exiting")
    parser.add_argument("--rater", default="sim-1", help="the simulated rater's local id")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for tasks and replies")
    args = parser.parse_args()

    user = urllib.parse.unquote(urllib.parse.urlparse(args.url).username or "")
    connection = pika.BlockingConnection(pika.URLParameters(args.url))
    channel = connection.channel()
    channel.confirm_delivery()

    # Our own queues, named under our prefix (the only names our credential may declare).
    tasks_queue = f"real.tools.{args.tool}.tasks"
    replies_queue = f"real.tools.{args.tool}.replies"
    channel.queue_declare(queue=tasks_queue, durable=True)
    channel.queue_bind(queue=tasks_queue, exchange=TASKS_EXCHANGE)
    channel.queue_declare(queue=replies_queue, durable=True)
    channel.queue_bind(queue=replies_queue, exchange=REPLIES_EXCHANGE, routing_key=args.tool)
    print("READY", flush=True)

    deadline = time.monotonic() + args.timeout
    batches = {}
    tasks_seen = 0
    log(f"waiting for {args.tasks} task(s) on {tasks_queue}")
    while tasks_seen < args.tasks:
        method, properties, body = channel.basic_get(tasks_queue)
        if method is None:
            if time.monotonic() > deadline:
                log("timed out waiting for tasks")
                break
            time.sleep(0.2)
            continue
        task = json.loads(body.decode("utf-8"))
        channel.basic_ack(method.delivery_tag)
        if task.get("messageType") != "RatingTaskCreated":
            print(f"ignoring a message that is not a RatingTaskCreated: {body[:200]!r}", file=sys.stderr, flush=True)
            continue
        tasks_seen += 1
        rater = f"{args.tool}:{args.rater}"
        ratings = [
            {
                "ratingId": f"{task['taskId']}/{candidate['classIndex']}/{args.rater}",
                "taskId": task["taskId"],
                "label": candidate["classIndex"],
                "raterId": rater,
                "answer": simulated_answer(rater, task["image"], candidate["classIndex"]),
                "answeredAt": now_iso(),
            }
            for candidate in task["candidates"]
        ]
        batch_id = f"{args.tool}-batch-{task['taskId']}"
        submit = {"toolId": args.tool, "batchId": batch_id, "datasetId": task["datasetId"], "ratings": ratings}
        channel.basic_publish(
            exchange=SUBMIT_EXCHANGE,
            routing_key=args.tool,
            body=json.dumps(submit).encode("utf-8"),
            properties=pika.BasicProperties(content_type="application/json", delivery_mode=2, user_id=user),
        )
        batches[batch_id] = [r["ratingId"] for r in ratings]
        log(f"answered task {task['taskId']} with batch {batch_id} ({len(ratings)} ratings)")

    replies = {}
    while len(replies) < len(batches):
        method, properties, body = channel.basic_get(replies_queue)
        if method is None:
            if time.monotonic() > deadline:
                log("timed out waiting for replies")
                break
            time.sleep(0.2)
            continue
        reply = json.loads(body.decode("utf-8"))
        channel.basic_ack(method.delivery_tag)
        if reply.get("batchId") in batches:
            replies[reply["batchId"]] = reply
    connection.close()

    accepted = [rid for reply in replies.values() for rid in reply.get("accepted", [])]
    summary = {
        "tool": args.tool,
        "tasks": tasks_seen,
        "ratings": sum(len(ids) for ids in batches.values()),
        "replies": {batch: reply.get("messageType") for batch, reply in replies.items()},
        "accepted": accepted,
        "rejected": [r for reply in replies.values() for r in reply.get("rejected", []) + reply.get("batchErrors", [])],
    }
    print(json.dumps(summary), flush=True)
    ok = tasks_seen == args.tasks and len(replies) == len(batches) and all(r.get("messageType") == "RatingsAccepted" for r in replies.values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
