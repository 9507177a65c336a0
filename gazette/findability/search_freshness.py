"""Search results stay fresh when the index catches up after the purge.

Wagtail updates its search index in a background task after a page is saved: publishing
purges the search pages at the commit (their key `search`), and a reader who searches in the
seconds before the task runs gets results from the old index, which would then be kept until
the next purge (seen by bench/purge_latency.py). So the end of each index update purges the
search pages again.
"""

from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from gazette.core import invalidation

KEY = "search"
INDEX_TASKS = ("modelsearch.tasks.insert_or_update_object_task",)


def _index_updated(sender, task_result, **kwargs):
    if task_result.task.module_path in INDEX_TASKS and (
        task_result.status == TaskResultStatus.SUCCESSFUL
    ):
        invalidation.purge([KEY])


def register_signal_handlers():
    task_finished.connect(_index_updated, dispatch_uid="findability-search-fresh")
