from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "gazette.demo"
    label = "demo"
