"""The admin login form, labelled in French.

Wagtail's form declares its password field without a label, so Django derives « Password »
from the field name and the French admin greets editors in English."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
