"""The PDF of a resident's personal-data export: every section and field, in the user's language, for the person
to keep (the JSON beside it keeps the stored keys and values)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.core import pdf as base
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate

CTX = "PersonalData"
# Titles of the sections and of the fields features export (safety.privacy); a field not listed is printed
# under its key with spaces for underscores.
SECTION_TITLES = {
    "residents": QT_TRANSLATE_NOOP("PersonalData", "Resident record"),
    "desk": QT_TRANSLATE_NOOP("PersonalData", "Service records"),
    "rosters": QT_TRANSLATE_NOOP("PersonalData", "Volunteering"),
    "meals": QT_TRANSLATE_NOOP("PersonalData", "Meal assistance"),
    "passports": QT_TRANSLATE_NOOP("PersonalData", "Smile passport"),
    "certificates": QT_TRANSLATE_NOOP("PersonalData", "Certificates"),
}
FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("PersonalData", "Name"),
    "gender": QT_TRANSLATE_NOOP("PersonalData", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("PersonalData", "Birth date"),
    "id_number": QT_TRANSLATE_NOOP("PersonalData", "ID number"),
    "phone": QT_TRANSLATE_NOOP("PersonalData", "Phone"),
    "address": QT_TRANSLATE_NOOP("PersonalData", "Address"),
    "community": QT_TRANSLATE_NOOP("PersonalData", "Community"),
    "compound": QT_TRANSLATE_NOOP("PersonalData", "Compound"),
    "building": QT_TRANSLATE_NOOP("PersonalData", "Building"),
    "unit": QT_TRANSLATE_NOOP("PersonalData", "Unit"),
    "room": QT_TRANSLATE_NOOP("PersonalData", "Room"),
    "grid": QT_TRANSLATE_NOOP("PersonalData", "Grid"),
    "emergency_contact": QT_TRANSLATE_NOOP("PersonalData", "Emergency contact"),
    "emergency_phone": QT_TRANSLATE_NOOP("PersonalData", "Emergency phone"),
    "notes": QT_TRANSLATE_NOOP("PersonalData", "Notes"),
    "consent_date": QT_TRANSLATE_NOOP("PersonalData", "Consent date"),
    "lives_alone": QT_TRANSLATE_NOOP("PersonalData", "Lives alone"),
    "disabled": QT_TRANSLATE_NOOP("PersonalData", "Disabled"),
    "extreme_hardship": QT_TRANSLATE_NOOP("PersonalData", "Extreme hardship"),
    "minimum_living_allowance": QT_TRANSLATE_NOOP("PersonalData", "Minimum living allowance"),
    "party_member": QT_TRANSLATE_NOOP("PersonalData", "Party member"),
    "veteran": QT_TRANSLATE_NOOP("PersonalData", "Veteran"),
    "created_at": QT_TRANSLATE_NOOP("PersonalData", "Registered"),
    "updated_at": QT_TRANSLATE_NOOP("PersonalData", "Updated"),
    "station_id": QT_TRANSLATE_NOOP("PersonalData", "Station"),
    "erased": QT_TRANSLATE_NOOP("PersonalData", "Anonymised"),
    "id": QT_TRANSLATE_NOOP("PersonalData", "No."),
    "history": QT_TRANSLATE_NOOP("PersonalData", "History"),
    "resident": QT_TRANSLATE_NOOP("PersonalData", "Record"),
    "account": QT_TRANSLATE_NOOP("PersonalData", "Meal account"),
    "active": QT_TRANSLATE_NOOP("PersonalData", "Active"),
    "activity_id": QT_TRANSLATE_NOOP("PersonalData", "Activity"),
    "actor_id": QT_TRANSLATE_NOOP("PersonalData", "Staff"),
    "actor_name": QT_TRANSLATE_NOOP("PersonalData", "Staff"),
    "amount_fen": QT_TRANSLATE_NOOP("PersonalData", "Amount (fen)"),
    "as_leader": QT_TRANSLATE_NOOP("PersonalData", "As leader"),
    "assignee": QT_TRANSLATE_NOOP("PersonalData", "Handled by"),
    "assignment_id": QT_TRANSLATE_NOOP("PersonalData", "Assignment"),
    "assignments": QT_TRANSLATE_NOOP("PersonalData", "Patrols"),
    "at": QT_TRANSLATE_NOOP("PersonalData", "Time"),
    "availability": QT_TRANSLATE_NOOP("PersonalData", "Availability"),
    "avoid": QT_TRANSLATE_NOOP("PersonalData", "Avoids"),
    "balance_fen": QT_TRANSLATE_NOOP("PersonalData", "Balance (fen)"),
    "by": QT_TRANSLATE_NOOP("PersonalData", "By"),
    "category": QT_TRANSLATE_NOOP("PersonalData", "Category"),
    "certificate_id": QT_TRANSLATE_NOOP("PersonalData", "Certificate"),
    "certificate_ref": QT_TRANSLATE_NOOP("PersonalData", "Certificate"),
    "certificates": QT_TRANSLATE_NOOP("PersonalData", "Certificates"),
    "changed_at": QT_TRANSLATE_NOOP("PersonalData", "Changed"),
    "changed_by": QT_TRANSLATE_NOOP("PersonalData", "Changed by"),
    "channel": QT_TRANSLATE_NOOP("PersonalData", "Channel"),
    "check_id": QT_TRANSLATE_NOOP("PersonalData", "Welfare check"),
    "check_in_at": QT_TRANSLATE_NOOP("PersonalData", "Checked in"),
    "check_ins": QT_TRANSLATE_NOOP("PersonalData", "Check-ins"),
    "check_out_at": QT_TRANSLATE_NOOP("PersonalData", "Checked out"),
    "closed_at": QT_TRANSLATE_NOOP("PersonalData", "Closed"),
    "closed_by": QT_TRANSLATE_NOOP("PersonalData", "Closed by"),
    "content_json": QT_TRANSLATE_NOOP("PersonalData", "Content"),
    "copies": QT_TRANSLATE_NOOP("PersonalData", "Copies"),
    "corrects_id": QT_TRANSLATE_NOOP("PersonalData", "Corrects"),
    "credit_limit_fen": QT_TRANSLATE_NOOP("PersonalData", "Credit limit (fen)"),
    "credited_minutes": QT_TRANSLATE_NOOP("PersonalData", "Minutes credited"),
    "day": QT_TRANSLATE_NOOP("PersonalData", "Day"),
    "delivery_address": QT_TRANSLATE_NOOP("PersonalData", "Delivery address"),
    "delivery_fee_fen": QT_TRANSLATE_NOOP("PersonalData", "Delivery fee (fen)"),
    "delivery_notes": QT_TRANSLATE_NOOP("PersonalData", "Delivery notes"),
    "desk": QT_TRANSLATE_NOOP("PersonalData", "Service desk"),
    "desk_record_id": QT_TRANSLATE_NOOP("PersonalData", "Desk record"),
    "details": QT_TRANSLATE_NOOP("PersonalData", "Details"),
    "earned": QT_TRANSLATE_NOOP("PersonalData", "Earned"),
    "end": QT_TRANSLATE_NOOP("PersonalData", "End"),
    "end_day": QT_TRANSLATE_NOOP("PersonalData", "Last day"),
    "entered_at": QT_TRANSLATE_NOOP("PersonalData", "Entered"),
    "events": QT_TRANSLATE_NOOP("PersonalData", "Steps"),
    "found_at": QT_TRANSLATE_NOOP("PersonalData", "Found"),
    "halal": QT_TRANSLATE_NOOP("PersonalData", "Halal"),
    "honours": QT_TRANSLATE_NOOP("PersonalData", "Honours"),
    "hours": QT_TRANSLATE_NOOP("PersonalData", "Hours"),
    "hours_total_minutes": QT_TRANSLATE_NOOP("PersonalData", "Total minutes"),
    "how": QT_TRANSLATE_NOOP("PersonalData", "How"),
    "issued_at": QT_TRANSLATE_NOOP("PersonalData", "Issued"),
    "issued_by_id": QT_TRANSLATE_NOOP("PersonalData", "Issued by"),
    "issued_by_name": QT_TRANSLATE_NOOP("PersonalData", "Issued by"),
    "issued_on": QT_TRANSLATE_NOOP("PersonalData", "Issued on"),
    "joined_on": QT_TRANSLATE_NOOP("PersonalData", "Joined"),
    "kind": QT_TRANSLATE_NOOP("PersonalData", "Kind"),
    "language": QT_TRANSLATE_NOOP("PersonalData", "Language"),
    "last_asked_at": QT_TRANSLATE_NOOP("PersonalData", "Last asked"),
    "late_minutes": QT_TRANSLATE_NOOP("PersonalData", "Minutes late"),
    "leave": QT_TRANSLATE_NOOP("PersonalData", "Leave"),
    "level_id": QT_TRANSLATE_NOOP("PersonalData", "Level"),
    "location": QT_TRANSLATE_NOOP("PersonalData", "Place"),
    "locked": QT_TRANSLATE_NOOP("PersonalData", "Locked"),
    "low_salt": QT_TRANSLATE_NOOP("PersonalData", "Low salt"),
    "low_sugar": QT_TRANSLATE_NOOP("PersonalData", "Low sugar"),
    "max_per_month": QT_TRANSLATE_NOOP("PersonalData", "At most per month"),
    "max_per_week": QT_TRANSLATE_NOOP("PersonalData", "At most per week"),
    "meal": QT_TRANSLATE_NOOP("PersonalData", "Meal"),
    "meals": QT_TRANSLATE_NOOP("PersonalData", "Meals"),
    "method": QT_TRANSLATE_NOOP("PersonalData", "Payment method"),
    "minutes": QT_TRANSLATE_NOOP("PersonalData", "Minutes"),
    "month": QT_TRANSLATE_NOOP("PersonalData", "Month"),
    "month_totals": QT_TRANSLATE_NOOP("PersonalData", "Month totals"),
    "multiplier": QT_TRANSLATE_NOOP("PersonalData", "Multiplier"),
    "never_alone": QT_TRANSLATE_NOOP("PersonalData", "Never alone"),
    "no_evenings": QT_TRANSLATE_NOOP("PersonalData", "No evenings"),
    "no_show": QT_TRANSLATE_NOOP("PersonalData", "Did not come"),
    "note": QT_TRANSLATE_NOOP("PersonalData", "Note"),
    "number": QT_TRANSLATE_NOOP("PersonalData", "Number"),
    "occurred_on": QT_TRANSLATE_NOOP("PersonalData", "Date"),
    "opened_at": QT_TRANSLATE_NOOP("PersonalData", "Opened"),
    "opt_out": QT_TRANSLATE_NOOP("PersonalData", "Not on the smile wall"),
    "order_id": QT_TRANSLATE_NOOP("PersonalData", "Order"),
    "orders": QT_TRANSLATE_NOOP("PersonalData", "Meal orders"),
    "outcome": QT_TRANSLATE_NOOP("PersonalData", "Outcome"),
    "outcome_at": QT_TRANSLATE_NOOP("PersonalData", "Outcome recorded"),
    "outcome_by": QT_TRANSLATE_NOOP("PersonalData", "Outcome recorded by"),
    "passport_id": QT_TRANSLATE_NOOP("PersonalData", "Passport"),
    "passports": QT_TRANSLATE_NOOP("PersonalData", "Smile passports"),
    "patrol_findings": QT_TRANSLATE_NOOP("PersonalData", "Patrol findings"),
    "pauses": QT_TRANSLATE_NOOP("PersonalData", "Pauses"),
    "period": QT_TRANSLATE_NOOP("PersonalData", "Shift"),
    "period_end": QT_TRANSLATE_NOOP("PersonalData", "Service until"),
    "place": QT_TRANSLATE_NOOP("PersonalData", "Place"),
    "preference": QT_TRANSLATE_NOOP("PersonalData", "Preference"),
    "price_fen": QT_TRANSLATE_NOOP("PersonalData", "Price (fen)"),
    "print_count": QT_TRANSLATE_NOOP("PersonalData", "Times printed"),
    "prints": QT_TRANSLATE_NOOP("PersonalData", "Prints"),
    "reached_at": QT_TRANSLATE_NOOP("PersonalData", "Reached"),
    "reason": QT_TRANSLATE_NOOP("PersonalData", "Reason"),
    "receipt_no": QT_TRANSLATE_NOOP("PersonalData", "Receipt"),
    "received_at": QT_TRANSLATE_NOOP("PersonalData", "Received"),
    "recipient": QT_TRANSLATE_NOOP("PersonalData", "Meal recipient"),
    "recipient_id": QT_TRANSLATE_NOOP("PersonalData", "Meal recipient"),
    "recipient_name": QT_TRANSLATE_NOOP("PersonalData", "Recipient"),
    "recorded_by": QT_TRANSLATE_NOOP("PersonalData", "Recorded by"),
    "redemption_id": QT_TRANSLATE_NOOP("PersonalData", "Redemption"),
    "redemptions": QT_TRANSLATE_NOOP("PersonalData", "Redemptions"),
    "replaces_id": QT_TRANSLATE_NOOP("PersonalData", "Replaces"),
    "request_id": QT_TRANSLATE_NOOP("PersonalData", "Request"),
    "requested_at": QT_TRANSLATE_NOOP("PersonalData", "Requested"),
    "requested_by": QT_TRANSLATE_NOOP("PersonalData", "Requested by"),
    "requests": QT_TRANSLATE_NOOP("PersonalData", "Requests"),
    "resident_id": QT_TRANSLATE_NOOP("PersonalData", "Resident"),
    "residents": QT_TRANSLATE_NOOP("PersonalData", "Residents"),
    "result": QT_TRANSLATE_NOOP("PersonalData", "Result"),
    "reverses_id": QT_TRANSLATE_NOOP("PersonalData", "Reverses"),
    "revoke_reason": QT_TRANSLATE_NOOP("PersonalData", "Why revoked"),
    "revoked_at": QT_TRANSLATE_NOOP("PersonalData", "Revoked"),
    "revoked_by": QT_TRANSLATE_NOOP("PersonalData", "Revoked by"),
    "reward_id": QT_TRANSLATE_NOOP("PersonalData", "Reward"),
    "role": QT_TRANSLATE_NOOP("PersonalData", "Role"),
    "rosters": QT_TRANSLATE_NOOP("PersonalData", "Volunteering"),
    "route": QT_TRANSLATE_NOOP("PersonalData", "Route"),
    "route_order": QT_TRANSLATE_NOOP("PersonalData", "Order on the route"),
    "satisfaction": QT_TRANSLATE_NOOP("PersonalData", "Satisfaction"),
    "schedule": QT_TRANSLATE_NOOP("PersonalData", "Schedule"),
    "serial": QT_TRANSLATE_NOOP("PersonalData", "Serial"),
    "served_on": QT_TRANSLATE_NOOP("PersonalData", "Served on"),
    "service": QT_TRANSLATE_NOOP("PersonalData", "Service"),
    "service_records": QT_TRANSLATE_NOOP("PersonalData", "Volunteer service records"),
    "shift_id": QT_TRANSLATE_NOOP("PersonalData", "Shift"),
    "signature": QT_TRANSLATE_NOOP("PersonalData", "Signature"),
    "signups": QT_TRANSLATE_NOOP("PersonalData", "Sign-ups"),
    "skills": QT_TRANSLATE_NOOP("PersonalData", "Skills"),
    "smile_wall": QT_TRANSLATE_NOOP("PersonalData", "Smile wall"),
    "soft": QT_TRANSLATE_NOOP("PersonalData", "Soft food"),
    "source": QT_TRANSLATE_NOOP("PersonalData", "Source"),
    "source_ref": QT_TRANSLATE_NOOP("PersonalData", "Source"),
    "stamp_balance": QT_TRANSLATE_NOOP("PersonalData", "Stamps to spend"),
    "stamps": QT_TRANSLATE_NOOP("PersonalData", "Stamps"),
    "start": QT_TRANSLATE_NOOP("PersonalData", "Start"),
    "start_day": QT_TRANSLATE_NOOP("PersonalData", "First day"),
    "status": QT_TRANSLATE_NOOP("PersonalData", "Status"),
    "subsidy_fen": QT_TRANSLATE_NOOP("PersonalData", "Subsidy (fen)"),
    "subsidy_tier": QT_TRANSLATE_NOOP("PersonalData", "Subsidy tier"),
    "summary": QT_TRANSLATE_NOOP("PersonalData", "What was asked"),
    "target": QT_TRANSLATE_NOOP("PersonalData", "Called"),
    "team_id": QT_TRANSLATE_NOOP("PersonalData", "Team"),
    "teams": QT_TRANSLATE_NOOP("PersonalData", "Teams"),
    "threshold": QT_TRANSLATE_NOOP("PersonalData", "Threshold"),
    "tier_id": QT_TRANSLATE_NOOP("PersonalData", "Subsidy tier"),
    "vegetarian": QT_TRANSLATE_NOOP("PersonalData", "Vegetarian"),
    "version": QT_TRANSLATE_NOOP("PersonalData", "Version"),
    "void_reason": QT_TRANSLATE_NOOP("PersonalData", "Why voided"),
    "voided_at": QT_TRANSLATE_NOOP("PersonalData", "Voided"),
    "volunteer": QT_TRANSLATE_NOOP("PersonalData", "Volunteer"),
    "volunteer_resident_id": QT_TRANSLATE_NOOP("PersonalData", "Delivered by"),
    "walk_in_name": QT_TRANSLATE_NOOP("PersonalData", "Visitor"),
    "walk_in_phone": QT_TRANSLATE_NOOP("PersonalData", "Visitor's phone"),
    "weekday": QT_TRANSLATE_NOOP("PersonalData", "Weekday"),
    "welfare_attempts": QT_TRANSLATE_NOOP("PersonalData", "Welfare calls"),
    "welfare_checks": QT_TRANSLATE_NOOP("PersonalData", "Welfare checks"),
    "with_seal": QT_TRANSLATE_NOOP("PersonalData", "With seal"),
    "year": QT_TRANSLATE_NOOP("PersonalData", "Year"),
}

# Where the labels of stored values (statuses, kinds, channels, …) are translated: a value that one of these
# contexts knows is printed as the interface shows it.
VALUE_CONTEXTS = ("DeskStatus", "DeskChannel", "DeskEvent", "DeskSatisfaction", "DeskContact", "Meals", "Rosters",
                  "Periods", "Passports", "Certificates", "RequestsTab", "AuditLabels")


def _title(key: str) -> str:
    return translate(CTX, FIELD_TITLES[key]) if key in FIELD_TITLES else key.replace("_", " ")


# Stored values whose labels elsewhere are worded differently from the value (desk events, stamp kinds, …).
VALUES = {
    "settled": QT_TRANSLATE_NOOP("PersonalData", "settled on the spot"),
    "started": QT_TRANSLATE_NOOP("PersonalData", "handling started"),
    "followed_up": QT_TRANSLATE_NOOP("PersonalData", "followed up"),
    "reopened": QT_TRANSLATE_NOOP("PersonalData", "reopened"),
    "resident_linked": QT_TRANSLATE_NOOP("PersonalData", "linked to the resident"),
    "walk_in": QT_TRANSLATE_NOOP("PersonalData", "walk-in"),
    "award": QT_TRANSLATE_NOOP("PersonalData", "stamps for an activity"),
    "patrol": QT_TRANSLATE_NOOP("PersonalData", "stamps for a patrol"),
    "reversal": QT_TRANSLATE_NOOP("PersonalData", "correction"),
    "redemption": QT_TRANSLATE_NOOP("PersonalData", "reward redeemed"),
    "honour": QT_TRANSLATE_NOOP("PersonalData", "honour certificate"),
    "service_record": QT_TRANSLATE_NOOP("PersonalData", "volunteer service record"),
    "thank_you": QT_TRANSLATE_NOOP("PersonalData", "thank-you letter"),
    "refund": QT_TRANSLATE_NOOP("PersonalData", "redemption refunded"),
    "demo": QT_TRANSLATE_NOOP("PersonalData", "demo data"),
}


def _value(text: str) -> str:
    """A stored value as the interface shows it (a status, a kind, a channel), else as stored."""
    if text in VALUES:
        return translate("PersonalData", VALUES[text])
    kind, sep, rest = text.partition(":")  # a reference such as "honour:1:5" (a certificate's kind, then numbers)
    if sep and kind in VALUES and rest.replace(":", "").isdigit():
        return f"{translate('PersonalData', VALUES[kind])} {rest}"
    for variant in dict.fromkeys((text, text.replace("_", " "), text.replace("_", "-"))):
        for context in VALUE_CONTEXTS:
            shown = translate(context, variant)
            if shown != variant:
                return shown
    return text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("PersonalData", "yes") if value else translate("PersonalData", "no")
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ", timespec="minutes") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, list | tuple):
        return join(_text(v) for v in value)
    return _value(str(value))


def _rows(value: Any, depth: int = 0):
    """Flatten nested dicts/lists into (label, text, depth) rows."""
    if isinstance(value, dict):
        order = {k: i for i, k in enumerate(FIELD_TITLES)}
        for key, item in sorted(value.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])):
            label = _title(key)
            if isinstance(item, dict | list) and item and any(isinstance(v, dict) for v in (item.values() if isinstance(item, dict) else item)):
                yield label, "", depth
                yield from _rows(item, depth + 1)
            elif isinstance(item, dict):
                yield label, "", depth
                yield from _rows(item, depth + 1)
            else:
                yield label, _text(item), depth
    elif isinstance(value, list):
        for i, item in enumerate(value, 1):
            if isinstance(item, dict):
                yield f"{i}.", "", depth
                yield from _rows(item, depth + 1)
            else:
                yield f"{i}.", _text(item), depth


def render_export(data: dict[str, Any], target: Path | BinaryIO, *, station_name: str = "") -> Path | BinaryIO:
    """Write the export ``data`` (safety.service.export_resident) as an A4 PDF to a path or a file object."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = base.styles(10)
    title = translate("PersonalData", "Copy of your personal data")
    doc = SimpleDocTemplate(target if hasattr(target, "write") else str(target), pagesize=A4, leftMargin=18 * mm,
                            rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm, title=title)
    p = base.markup_with_fallback
    story = [
        Paragraph(p(title), st["title"]),
        Paragraph(p("　".join(x for x in (station_name, translate("PersonalData", "Resident No. {id}").format(id=data.get("resident_id")),
                                         translate("PersonalData", "Exported {at}").format(at=_text(data.get("exported_at"))),
                                         translate("PersonalData", "Exported by {user}").format(user=data.get("exported_by", "")))
                             if x)), st["small"]),
        Paragraph(p(translate("PersonalData", "Under article 45 of the Personal Information Protection Law, this paper lists all "
                                   "the personal data this station holds about you.")), st["small"]),
        Spacer(1, 4 * mm),
    ]
    width = A4[0] - 36 * mm
    for key, section in (data.get("sections") or {}).items():
        story.append(Paragraph(p(translate(CTX, SECTION_TITLES[key]) if key in SECTION_TITLES else key), st["h2"]))
        rows = [[Paragraph(p("　" * depth + label), st["small"]), Paragraph(p(text), st["small"])]
                for label, text, depth in _rows(section)]
        if not rows:
            rows = [[Paragraph(p(translate("PersonalData", "(nothing recorded)")), st["small"]), ""]]
        table = Table(rows, colWidths=[width * 0.32, width * 0.68])
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.3, "#999999"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), "#f2f2f2"),
        ]))
        story += [table, Spacer(1, 4 * mm)]
    doc.build(story)
    return target
