"""Eksempel Kommune: organisation, strategy goals and external requirements (illustrative).

The organisation follows the common Danish pattern of forvaltninger with afdelinger,
institutions, staff units and Borgerservice. The joint-public requirements come from
``resources/data`` (the 12 initiatives of the joint-public strategy 2026–2029); which of
them oblige local work here is the demo's illustrative choice.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.models.enums import RequirementSource, UnitKind

DATA = Path(__file__).resolve().parents[3] / "resources" / "data"
JOINT_PUBLIC_CSV = DATA / "dk_faellesoffentlig_digitaliseringsstrategi_2026_2029_initiativer.csv"

MUNICIPALITY = "Eksempel Kommune"
BUDGET_YEAR = 2027
PRICE_BASE_YEAR = 2026


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    parent: str | None = None


F, A, I, S, B = (UnitKind.FORVALTNING.value, UnitKind.AFDELING.value,
                 UnitKind.INSTITUTION.value, UnitKind.STAB.value, UnitKind.BORGERSERVICE.value)

UNITS: tuple[UnitSpec, ...] = (
    UnitSpec("BUF", "Børn og Unge", F),
    UnitSpec("BUF-DAG", "Dagtilbud", A, "BUF"),
    UnitSpec("BUF-SKO", "Skoler", A, "BUF"),
    UnitSpec("BUF-FAM", "Familie og Rådgivning", A, "BUF"),
    UnitSpec("BUF-EGS", "Egeskolen", I, "BUF-SKO"),
    UnitSpec("SOS", "Social og Sundhed", F),
    UnitSpec("SOS-AEL", "Ældre og Pleje", A, "SOS"),
    UnitSpec("SOS-HAN", "Handicap og Psykiatri", A, "SOS"),
    UnitSpec("SOS-SUN", "Sundhed og Forebyggelse", A, "SOS"),
    UnitSpec("SOS-SOL", "Plejecenter Solbakken", I, "SOS-AEL"),
    UnitSpec("TMF", "Teknik og Miljø", F),
    UnitSpec("TMF-BYG", "Byg og Miljø", A, "TMF"),
    UnitSpec("TMF-VEJ", "Veje og Trafik", A, "TMF"),
    UnitSpec("TMF-AFF", "Affald og Genbrug", A, "TMF"),
    UnitSpec("KUF", "Kultur og Fritid", F),
    UnitSpec("KUF-BIB", "Bibliotekerne", I, "KUF"),
    UnitSpec("KUF-IDR", "Idræt og Fritid", A, "KUF"),
    UnitSpec("BES", "Beskæftigelse", F),
    UnitSpec("BES-JOB", "Jobcenter", A, "BES"),
    UnitSpec("BES-YDE", "Ydelsesservice", A, "BES"),
    UnitSpec("OES", "Økonomi og Stab", F),
    UnitSpec("OES-DIG", "Digitalisering og IT", S, "OES"),
    UnitSpec("OES-OEK", "Økonomi", S, "OES"),
    UnitSpec("OES-HR", "HR og Løn", S, "OES"),
    UnitSpec("BSC", "Borgerservice", B),
)


@dataclass(frozen=True)
class GoalSpec:
    code: str
    title: str
    description: str


GOALS: tuple[GoalSpec, ...] = (
    GoalSpec("M1", "Nem og tilgængelig digital service",
             "Borgere og virksomheder kan klare deres ærinder digitalt, når det passer dem, "
             "og får hjælp, når de har brug for den."),
    GoalSpec("M2", "Mere tid til kerneopgaven",
             "Automatisering og bedre fagsystemer frigør tid hos medarbejderne."),
    GoalSpec("M3", "Data til bedre beslutninger",
             "Et fælles datagrundlag og ledelsesinformation på tværs af forvaltningerne."),
    GoalSpec("M4", "Sikker og robust digital infrastruktur",
             "Informationssikkerhed, driftsstabilitet og en fælles it-arkitektur."),
    GoalSpec("M5", "Velfærdsteknologi, der gør borgerne mere selvhjulpne",
             "Teknologi i pleje, omsorg og sundhed, der øger livskvaliteten og "
             "forbedrer arbejdsmiljøet."),
)


@dataclass(frozen=True)
class RequirementSpec:
    code: str
    title: str
    source_type: str
    source: str
    deadline: date | None
    obliges: bool
    description: str = ""


#: joint-public initiatives (by number) that oblige local work in the demo (illustrative)
OBLIGING = {2: date(2027, 12, 31), 8: date(2028, 12, 31), 10: date(2027, 12, 31)}


def joint_public_requirements(path: Path = JOINT_PUBLIC_CSV) -> list[RequirementSpec]:
    """The 12 initiatives of the joint-public strategy 2026–2029 as requirements
    ``FOS-01`` … ``FOS-12`` (source: the strategy publication, page in the CSV)."""
    out: list[RequirementSpec] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            no = int(row["initiative_no"])
            out.append(RequirementSpec(
                code=f"FOS-{no:02d}", title=row["initiative_title_da"],
                source_type=RequirementSource.JOINT_PUBLIC.value,
                source=f"{row['strategy']} ({row['parties']}, {row['published']}), "
                       f"s. {row['source_page']}",
                deadline=OBLIGING.get(no, date(2029, 12, 31)), obliges=no in OBLIGING,
                description=f"Fokusområde {row['focus_area_no']}: {row['focus_area_da']}.",
            ))
    return out


OTHER_REQUIREMENTS: tuple[RequirementSpec, ...] = (
    RequirementSpec("NIS2", "NIS2: cybersikkerhed i væsentlige og vigtige enheder",
                    RequirementSource.EU.value,
                    "Direktiv (EU) 2022/2555 (NIS2) og den danske gennemførelseslov",
                    date(2027, 6, 30), True,
                    "Risikostyring, hændelsesrapportering og ledelsesansvar for "
                    "informationssikkerhed (frist i demoen er illustrativ)."),
    RequirementSpec("WAD", "Webtilgængelighed (WCAG 2.1 AA)", RequirementSource.LAW.value,
                    "Lov om tilgængelighed af offentlige organers websteder og "
                    "mobilapplikationer (lov nr. 692 af 8. juni 2018)", None, True),
    RequirementSpec("KOMBIT-1", "Fælleskommunal udrulning af ny løsning på "
                    "beskæftigelsesområdet", RequirementSource.JOINT_MUNICIPAL.value,
                    "KOMBIT, aftale mellem kommunerne (illustrativ)", date(2027, 10, 1), True),
)
