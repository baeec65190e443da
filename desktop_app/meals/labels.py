"""The words people see for the meals vocabularies (translated in context "Meals") and the field names
validation errors name (context "Fields")."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.meals.models import (
    CallResult,
    CallTarget,
    CheckOutcome,
    Diet,
    LedgerKind,
    Meal,
    OrderOutcome,
    PauseReason,
    PayMethod,
    RecipientStatus,
    ServiceKind,
)

STATUS_LABELS: dict[str, str] = {
    RecipientStatus.PENDING: QT_TRANSLATE_NOOP("Meals", "pending"),
    RecipientStatus.ACTIVE: QT_TRANSLATE_NOOP("Meals", "active"),
    RecipientStatus.PAUSED: QT_TRANSLATE_NOOP("Meals", "paused"),
    RecipientStatus.STOPPED: QT_TRANSLATE_NOOP("Meals", "stopped"),
    RecipientStatus.DECEASED: QT_TRANSLATE_NOOP("Meals", "deceased"),
}

SERVICE_LABELS: dict[str, str] = {
    ServiceKind.DELIVERY: QT_TRANSLATE_NOOP("Meals", "delivery"),
    ServiceKind.DINE_IN: QT_TRANSLATE_NOOP("Meals", "dine-in"),
}

MEAL_LABELS: dict[str, str] = {Meal.LUNCH: QT_TRANSLATE_NOOP("Meals", "lunch"), Meal.DINNER: QT_TRANSLATE_NOOP("Meals", "dinner")}

DIET_LABELS: dict[str, str] = {
    Diet.LOW_SALT: QT_TRANSLATE_NOOP("Meals", "low salt"),
    Diet.LOW_SUGAR: QT_TRANSLATE_NOOP("Meals", "low sugar"),
    Diet.SOFT: QT_TRANSLATE_NOOP("Meals", "soft/minced"),
    Diet.VEGETARIAN: QT_TRANSLATE_NOOP("Meals", "vegetarian"),
    Diet.HALAL: QT_TRANSLATE_NOOP("Meals", "halal/no pork"),
}

PAUSE_LABELS: dict[str, str] = {
    PauseReason.HOSPITAL: QT_TRANSLATE_NOOP("Meals", "in hospital"),
    PauseReason.AWAY: QT_TRANSLATE_NOOP("Meals", "away"),
    PauseReason.FAMILY: QT_TRANSLATE_NOOP("Meals", "with family"),
    PauseReason.OTHER: QT_TRANSLATE_NOOP("Meals", "other"),
}

OUTCOME_LABELS: dict[str, str] = {
    OrderOutcome.OPEN: QT_TRANSLATE_NOOP("Meals", "open"),
    OrderOutcome.DELIVERED: QT_TRANSLATE_NOOP("Meals", "delivered"),
    OrderOutcome.NOT_HOME: QT_TRANSLATE_NOOP("Meals", "not home"),
    OrderOutcome.REFUSED: QT_TRANSLATE_NOOP("Meals", "refused"),
    OrderOutcome.CANCELLED: QT_TRANSLATE_NOOP("Meals", "cancelled"),
    OrderOutcome.SERVED: QT_TRANSLATE_NOOP("Meals", "served"),
}

LEDGER_LABELS: dict[str, str] = {
    LedgerKind.TOP_UP: QT_TRANSLATE_NOOP("Meals", "top-up"),
    LedgerKind.CHARGE: QT_TRANSLATE_NOOP("Meals", "meal"),
    LedgerKind.REFUND: QT_TRANSLATE_NOOP("Meals", "refund"),
    LedgerKind.CORRECTION: QT_TRANSLATE_NOOP("Meals", "correction"),
}

METHOD_LABELS: dict[str, str] = {PayMethod.CASH: QT_TRANSLATE_NOOP("Meals", "cash"), PayMethod.TRANSFER: QT_TRANSLATE_NOOP("Meals", "transfer")}

TARGET_LABELS: dict[str, str] = {
    CallTarget.RECIPIENT: QT_TRANSLATE_NOOP("Meals", "recipient"),
    CallTarget.EMERGENCY_CONTACT: QT_TRANSLATE_NOOP("Meals", "emergency contact"),
    CallTarget.GRID_WORKER: QT_TRANSLATE_NOOP("Meals", "grid worker"),
}

CALL_RESULT_LABELS: dict[str, str] = {
    CallResult.REACHED: QT_TRANSLATE_NOOP("Meals", "reached"),
    CallResult.NO_ANSWER: QT_TRANSLATE_NOOP("Meals", "no answer"),
    CallResult.UNREACHABLE: QT_TRANSLATE_NOOP("Meals", "unreachable / wrong number"),
}

CHECK_OUTCOME_LABELS: dict[str, str] = {
    CheckOutcome.SAFE: QT_TRANSLATE_NOOP("Meals", "safe"),
    CheckOutcome.AWAY: QT_TRANSLATE_NOOP("Meals", "away from home"),
    CheckOutcome.HOSPITAL: QT_TRANSLATE_NOOP("Meals", "in hospital"),
    CheckOutcome.EMERGENCY: QT_TRANSLATE_NOOP("Meals", "emergency services called"),
    CheckOutcome.OTHER: QT_TRANSLATE_NOOP("Meals", "other"),
}

F = {
    "resident": QT_TRANSLATE_NOOP("Fields", "Resident"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "service": QT_TRANSLATE_NOOP("Fields", "Service"),
    "schedule": QT_TRANSLATE_NOOP("Fields", "Weekly schedule"),
    "avoid": QT_TRANSLATE_NOOP("Fields", "Foods to avoid"),
    "delivery_address": QT_TRANSLATE_NOOP("Fields", "Delivery address"),
    "delivery_notes": QT_TRANSLATE_NOOP("Fields", "Delivery notes"),
    "emergency_contact": QT_TRANSLATE_NOOP("Fields", "Emergency contact"),
    "emergency_phone": QT_TRANSLATE_NOOP("Fields", "Emergency phone"),
    "subsidy_tier": QT_TRANSLATE_NOOP("Fields", "Subsidy tier"),
    "credit_limit": QT_TRANSLATE_NOOP("Fields", "Credit limit"),
    "pause_start": QT_TRANSLATE_NOOP("Fields", "Pause from"),
    "pause_end": QT_TRANSLATE_NOOP("Fields", "Pause until"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
    "method": QT_TRANSLATE_NOOP("Fields", "Payment method"),
    "receipt_no": QT_TRANSLATE_NOOP("Fields", "Receipt number"),
    "meal": QT_TRANSLATE_NOOP("Fields", "Meal"),
    "outcome": QT_TRANSLATE_NOOP("Fields", "Outcome"),
    "order": QT_TRANSLATE_NOOP("Fields", "Meal order"),
    "balance": QT_TRANSLATE_NOOP("Fields", "Balance"),
    "target": QT_TRANSLATE_NOOP("Fields", "Person called"),
    "result": QT_TRANSLATE_NOOP("Fields", "Call result"),
    "dishes": QT_TRANSLATE_NOOP("Fields", "Dishes"),
    "kept_by": QT_TRANSLATE_NOOP("Fields", "Kept by"),
    "discarded_by": QT_TRANSLATE_NOOP("Fields", "Discarded by"),
    "discard_time": QT_TRANSLATE_NOOP("Fields", "Discard time"),
    "price": QT_TRANSLATE_NOOP("Fields", "Price"),
    "delivery_fee": QT_TRANSLATE_NOOP("Fields", "Delivery fee"),
    "subsidy": QT_TRANSLATE_NOOP("Fields", "Subsidy"),
    "tier_name": QT_TRANSLATE_NOOP("Fields", "Tier name"),
    "funding_source": QT_TRANSLATE_NOOP("Fields", "Funding source"),
    "effective_from": QT_TRANSLATE_NOOP("Fields", "Effective from"),
    "cutoff": QT_TRANSLATE_NOOP("Fields", "Cut-off time"),
    "low_balance": QT_TRANSLATE_NOOP("Fields", "Low balance warning"),
    "volunteer": QT_TRANSLATE_NOOP("Fields", "Delivery volunteer"),
    "month": QT_TRANSLATE_NOOP("Fields", "Month"),
}

