"""Certificate templates in code: the wording of each kind in Chinese and English, and the station's settings.

The settings (station name as issuer, signatory, logo, seal image, colours, paper, orientation) are
StationSetting rows with keys ``certificates.*``. When a certificate is issued, the settings in force
are copied into its snapshot, so a later change of logo or signatory never alters an issued certificate.

Wording rule: a certificate states what *this station* recorded. It never says or implies that it was
issued by, or entered into, the national volunteer service information system.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from desktop_app.core.i18n import QT_TRANSLATE_NOOP

PAGE_SIZES = ("A4", "A5")
ORIENTATIONS = ("landscape", "portrait")
LANGUAGES = ("zh", "en")
PREFIX = "certificates."
VERSION_SETTING = PREFIX + "template_version"


@dataclass
class TemplateSettings:
    issuer: str = ""  # issuing organisation as printed; blank: the station's name
    signatory: str = ""  # e.g. "负责人：王芳"
    logo: str = ""  # sha256 of a CertificateImage
    seal: str = ""  # sha256 of a CertificateImage (printed only when the volunteer asks for a seal)
    colour: str = "#A61B29"  # border and title
    accent: str = "#C9A227"  # inner border, ornaments
    page_size: str = "A4"
    orientation: str = "landscape"
    language: str = "zh"
    # How many times the template was saved (0: never); a save over a newer one is refused (StaleEdit).
    version: int = field(default=0, compare=False)

    @classmethod
    def keys(cls) -> list[str]:
        """The stored settings (each a StationSetting ``certificates.<key>``); the version is kept apart."""
        return [f.name for f in fields(cls) if f.name != "version"]

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.keys()}


SETTING_LABELS = {
    "issuer": QT_TRANSLATE_NOOP("Fields", "Issuing organisation"),
    "signatory": QT_TRANSLATE_NOOP("Fields", "Signatory"),
    "logo": QT_TRANSLATE_NOOP("Fields", "Logo"),
    "seal": QT_TRANSLATE_NOOP("Fields", "Seal image"),
    "colour": QT_TRANSLATE_NOOP("Fields", "Main colour"),
    "accent": QT_TRANSLATE_NOOP("Fields", "Accent colour"),
    "page_size": QT_TRANSLATE_NOOP("Fields", "Paper size"),
    "orientation": QT_TRANSLATE_NOOP("Fields", "Orientation"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
}

KIND_LABELS = {
    "service_record": QT_TRANSLATE_NOOP("Certificates", "Volunteer service record"),
    "honour": QT_TRANSLATE_NOOP("Certificates", "Honour certificate"),
    "thank_you": QT_TRANSLATE_NOOP("Certificates", "Thank-you letter"),
}

# Text printed on the certificate. Kept here (not in .ts files) because the language of a certificate
# is a property of the certificate, not of the user interface that prints it.
TEXT = {
    "zh": {
        "title.service_record": "志愿服务记录证明",
        "title.honour": "荣誉证书",
        "title.thank_you": "感谢信",
        "number": "编号：",
        "scan": "扫码核验",
        "verify_key": "核验公钥 {key_id}",
        "intro.service_record": "兹证明下列志愿者在本单位记录的志愿服务情况如下：",
        "label.name": "姓　　名",
        "label.id": "身份证号",
        "label.organisation": "服务组织",
        "label.period": "服务时间",
        "label.hours": "服务时长",
        "label.content": "服务内容",
        "hours": "{hours} 小时",
        "period": "{start} 至 {end}",
        "closing.service_record": "特此证明。",
        "note.service_record": "本证明依据{issuer}的志愿服务记录出具，所载时长为实际服务时长；"
        "本证明为本单位出具，不代表全国志愿服务信息系统的记录。",
        "salutation.honour": "{name}：",
        "default.honour": "在{organisation}志愿服务和社区建设中表现突出，被评为",
        "award.honour": "“{title}”",
        "closing.honour": "特发此证，以资鼓励。",
        "salutation.thank_you": "尊敬的{name}：",
        "default.thank_you": "感谢您长期以来热心社区公益，积极参与{organisation}的志愿服务，"
        "用实际行动温暖了邻里、服务了群众。在此向您致以诚挚的谢意！",
        "closing.thank_you": "此致\n敬礼！",
        "date": "{y}年{m}月{d}日",
        "seal_here": "（盖章）",
        "the_station": "本站",
    },
    "en": {
        "title.service_record": "Volunteer Service Record",
        "title.honour": "Certificate of Honour",
        "title.thank_you": "Letter of Thanks",
        "number": "No. ",
        "scan": "Scan to verify",
        "verify_key": "Verification key {key_id}",
        "intro.service_record": "This is to certify the volunteer service recorded by this organisation:",
        "label.name": "Name",
        "label.id": "ID number",
        "label.organisation": "Organisation",
        "label.period": "Period",
        "label.hours": "Hours served",
        "label.content": "Service",
        "hours": "{hours} hours",
        "period": "{start} to {end}",
        "closing.service_record": "",
        "note.service_record": "Issued from the service records kept by {issuer}; the hours are hours actually served. "
        "This certificate is issued by this organisation and is not a record of the national volunteer "
        "service information system.",
        "salutation.honour": "{name}",
        "default.honour": "in recognition of outstanding volunteer service with {organisation}, is awarded the title",
        "award.honour": "“{title}”",
        "closing.honour": "",
        "salutation.thank_you": "Dear {name},",
        "default.thank_you": "Thank you for your long-standing care for our community and your volunteer "
        "service with {organisation}. Your work has made our neighbourhood warmer and kinder. "
        "Please accept our sincere gratitude.",
        "closing.thank_you": "With thanks and best wishes,",
        "date": "{iso}",
        "seal_here": "(seal)",
        "the_station": "this station",
    },
}


def text(language: str, key: str, **params: object) -> str:
    table = TEXT.get(language, TEXT["zh"])
    value = table.get(key, TEXT["zh"].get(key, ""))
    return value.format(**params) if params else value


def format_date(language: str, d) -> str:
    return text(language, "date", y=d.year, m=d.month, d=d.day, iso=d.strftime("%d %B %Y").lstrip("0"))


def format_hours(hours: float) -> str:
    return f"{hours:.1f}".rstrip("0").rstrip(".") if hours is not None else ""
