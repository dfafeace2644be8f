"""Reads an Airflow DAG file without Airflow: checks its syntax, takes its TASKS table and checks
that operators and dependencies are built from it. Prints JSON; exits 1 with a reason otherwise."""

import ast
import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as file:
    source = file.read()
tree = ast.parse(source, filename=path)  # raises SyntaxError with file and line
compile(tree, path, "exec")

tasks = None
for node in tree.body:
    if isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == "TASKS" for target in node.targets
    ):
        tasks = ast.literal_eval(node.value)
if tasks is None:
    sys.exit("no TASKS = [...] assignment at the top level of " + path)


def loops_over_tasks(node):
    return isinstance(node, ast.For) and isinstance(node.iter, ast.Name) and node.iter.id == "TASKS"


def calls(node, name):
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name
        for n in ast.walk(node)
    )


def shifts(node):
    return any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.RShift) for n in ast.walk(node))


loops = [n for n in ast.walk(tree) if loops_over_tasks(n)]
if not any(calls(loop, "BashOperator") for loop in loops):
    sys.exit("no BashOperator built in a loop over TASKS")
if not any(shifts(loop) for loop in loops):
    sys.exit("no dependencies (>>) set in a loop over TASKS")

dag_ids = [
    keyword.value.value
    for n in ast.walk(tree)
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "DAG"
    for keyword in n.keywords
    if keyword.arg == "dag_id"
]
schedules = [
    keyword.value.value
    for n in ast.walk(tree)
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "DAG"
    for keyword in n.keywords
    if keyword.arg == "schedule"
]
print(
    json.dumps(
        {
            "dag_ids": dag_ids,
            "schedules": schedules,
            "tasks": [
                {
                    "task_id": task_id,
                    "kind": kind,
                    "upstream": upstream,
                    "retries": retries,
                    "retry_delay_seconds": delay,
                }
                for task_id, kind, upstream, retries, delay in tasks
            ],
        }
    )
)
