"""The images' admin form (WAGTAILIMAGES_IMAGE_FORM_BASE): the images admin, the chooser's
upload tab and the multiple upload all build theirs from it, so none accepts a photo without
its alt text and its credit, or an explicit « crédit inconnu »."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class CreditedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True

    def clean(self):
        cleaned_data = super().clean()
        if "credit" not in self.fields:
            return cleaned_data
        if cleaned_data.get("credit"):
            cleaned_data["credit_unknown"] = False
        elif not cleaned_data.get("credit_unknown"):
            self.add_error("credit", _("Give the photo's credit, or tick « Credit unknown »."))
        return cleaned_data
