"""The salesdw monthly pipeline on Airflow (2.x and 3.x).

The same tasks as the local runner (`salesdw run --month YYYY-MM`): ingest per source, customer
identity, transform, data-quality gates, reports, dashboard sync. The Java DAG
(io.salesdw.orchestration.SalesPipeline) is the source of truth: TestAirflowDag reads TASKS below
with Python's ast module and fails when a task id, kind, dependency, retry count or retry delay
differs from it. Edit both together.

Each task runs one step of the Java pipeline for the run's month (`salesdw run --task ID`), so a
step records the same run state and checks the same gates as a local run:
  - Spark steps: spark-submit of the app jar (main class io.salesdw.app.SalesdwCommand);
  - the others: the `salesdw` launcher on the worker.

Environment on the workers (Airflow Variables would do as well):
  SALESDW_HOME          checkout with app/target/salesdw.jar built (default /opt/salesdw)
  SALESDW_LAKE          the lake root (default /data/salesdw/lake)
  SALESDW_SOURCES       landing folder, one sub-folder per source; "{month}" is replaced by
                        the month (default /data/salesdw/sources)
  SALESDW_SPARK_MASTER  master for spark-submit (default local[2])
  SALESDW_SPARK_SUBMIT_ARGS  extra spark-submit arguments (for example --jars for a cluster)
"""

import os

import pendulum

try:  # Airflow 3: the task SDK and the standard provider
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.operators.bash import BashOperator

# (task_id, kind, upstream task ids, retries, retry delay in seconds) -- checked against the Java DAG.
TASKS = [
    ("ingest_crm", "spark", [], 2, 60),
    ("ingest_erp", "spark", [], 2, 60),
    ("ingest_chat", "spark", [], 2, 60),
    ("customer_identity", "spark", ["ingest_crm", "ingest_erp", "ingest_chat"], 1, 60),
    ("transform", "spark", ["customer_identity"], 1, 120),
    ("quality_gates", "spark", ["transform"], 1, 60),
    ("reports", "cli", ["quality_gates"], 1, 60),
    ("dashboard_sync", "cli", ["reports"], 3, 300),
]

SALESDW_HOME = os.environ.get("SALESDW_HOME", "/opt/salesdw")
LAKE = os.environ.get("SALESDW_LAKE", "/data/salesdw/lake")
SOURCES = os.environ.get("SALESDW_SOURCES", "/data/salesdw/sources")
SPARK_MASTER = os.environ.get("SALESDW_SPARK_MASTER", "local[2]")
SPARK_SUBMIT_ARGS = os.environ.get("SALESDW_SPARK_SUBMIT_ARGS", "")

# The month a monthly run covers is its data interval's start: the run of 2025-07-01 covers June.
MONTH = "{{ data_interval_start.strftime('%Y-%m') }}"


def step_arguments(task_id):
    return (
        f"run --month {MONTH} --task {task_id} --lake '{LAKE}' --sources '{SOURCES}'"
        f" --master '{SPARK_MASTER}'"
    )


def spark_command(task_id):
    jar = f"{SALESDW_HOME}/app/target/salesdw.jar"
    jvm_options = f"$(cat {SALESDW_HOME}/app/target/jvm.options)"
    return (
        f"spark-submit --master '{SPARK_MASTER}' --class io.salesdw.app.SalesdwCommand"
        f' --driver-java-options "{jvm_options}" {SPARK_SUBMIT_ARGS} {jar} '
        + step_arguments(task_id)
    )


def cli_command(task_id):
    return f"{SALESDW_HOME}/salesdw " + step_arguments(task_id)


COMMANDS = {"spark": spark_command, "cli": cli_command}

with DAG(
    dag_id="salesdw_monthly",
    description="salesdw: ingest, identity, gold, data-quality gates, reports, dashboard sync",
    schedule="@monthly",
    start_date=pendulum.datetime(2025, 1, 1, tz="Asia/Shanghai"),
    catchup=True,
    max_active_runs=1,
    default_args={"retry_exponential_backoff": True, "owner": "salesdw"},
    tags=["salesdw"],
) as dag:
    operators = {}
    for task_id, kind, _upstream, retries, retry_delay_seconds in TASKS:
        operators[task_id] = BashOperator(
            task_id=task_id,
            bash_command=COMMANDS[kind](task_id),
            retries=retries,
            retry_delay=pendulum.duration(seconds=retry_delay_seconds),
        )
    for task_id, _kind, upstream, _retries, _delay in TASKS:
        for upstream_id in upstream:
            operators[upstream_id] >> operators[task_id]
