"""Editor panels the network adds to Wagtail's."""

from wagtail.admin.panels import InlinePanel


class PermissionedInlinePanel(InlinePanel):
    """An InlinePanel only for users with ``permission``, as FieldPanel(permission=…) is for a
    field (Wagtail's InlinePanel has no such option).

    The panel hides itself, and the page form (home.models.base.NetworkPageForm) leaves the
    formset out for everyone else, so that saving never touches the relation and an API
    request that names it is refused."""

    def __init__(self, *args, permission=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "permission": self.permission}

    def get_form_options(self):
        options = super().get_form_options()
        if self.permission:
            options["formset_permissions"] = {self.relation_name: self.permission}
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            if form is not None and kwargs["panel"].relation_name not in form.formsets:
                kwargs["form"] = None  # withheld from this user: nothing to bind
            super().__init__(**kwargs)
            self.withheld = form is not None and self.form is None

        def is_shown(self):
            permission = self.panel.permission
            if self.withheld or (permission and not self.request.user.has_perm(permission)):
                return False
            return super().is_shown()
