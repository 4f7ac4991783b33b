from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import services
from accounts.forms import ProfileForm
from accounts.roles import ROLE_LABELS


@login_required
def profile(request):
    """Show and edit the signed-in user's own profile."""
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.user_update_profile(user=user, **form.cleaned_data)
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={
                "display_name": user.display_name,
                "school": user.school,
                "expertise_subjects": user.expertise_subjects.all(),
                "expertise_levels": user.expertise_levels.all(),
            }
        )
    roles = [label for name, label in ROLE_LABELS.items() if services.user_has_role(user, name)]
    return render(request, "accounts/profile.html", {"form": form, "roles": roles})
