"""Optional error reporting: nothing is loaded or sent unless `GAZETTE_SENTRY_DSN` is set.

Personal data stays out (`send_default_pii=False`): no reader IP, cookie or user in reports,
as the audience and comment privacy notes promise."""


def init_sentry(dsn: str, *, environment: str) -> bool:
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        traces_sample_rate=0,
    )
    return True
