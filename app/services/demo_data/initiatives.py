"""The local initiatives of Eksempel Kommune (illustrative values, labelled so in the
portfolio's description).

Amounts are in 1.000 kr. per year for the budget year 2027 and the three overslagsår
(2028–2030); ``fte`` is internal working time in årsværk per year (not cash). Scores are
the agreed levels 0–4 in the order (strategic fit, external requirements, citizen value,
employee value, risk, readiness); the economic-benefit score is the annual gross benefit
in full operation, taken from the benefit lines. ``inflated`` names the criteria on which
the proposer scored one level higher than agreed; ``unit_diff`` the digitalisation unit's
own levels where it differed from the agreed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Y4 = tuple[float, float, float, float]
Z: Y4 = (0, 0, 0, 0)


@dataclass(frozen=True)
class InitiativeSpec:
    id: str
    title: str
    description: str
    lead: str
    parts: tuple[str, ...]
    phase: str
    kind: str
    audience: str
    scores: tuple[int | None, int | None, int | None, int | None, int | None, int | None]
    start: date
    end: date
    owner: str
    manager: str
    capex: Y4 = Z
    opex: Y4 = Z
    fte: Y4 = Z
    cash_benefit: Y4 = Z
    time_benefit: Y4 = Z
    giver: str | None = None  # unit that gives up the cash-releasing benefit
    financing: str = "digitaliseringspulje"
    goals: tuple[str, ...] = ()
    reqs: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    maturity: str | None = None
    mandatory: bool = False
    outside_frame: bool = False
    inflated: tuple[str, ...] = ()
    unit_diff: dict[str, int] = field(default_factory=dict)
    comment: str = ""
    benefit_owner: str = ""
    system_owner: str = ""


D = date
INITIATIVES: tuple[InitiativeSpec, ...] = (
    InitiativeSpec(
        "EK-001", "Fælles integrationsplatform",
        "Én integrationsplatform (API-gateway) mellem fagsystemerne og de fælleskommunale "
        "løsninger, så nye selvbetjeningsløsninger ikke bygger egne integrationer.",
        "OES-DIG", ("BUF", "SOS", "TMF", "BES"), "approved", "development", "internal",
        (4, 3, 1, 2, 2, 3), D(2027, 1, 1), D(2027, 6, 30), "Digitaliseringschef", "IT-arkitekt",
        capex=(1800, 600, 0, 0), opex=(0, 350, 350, 350), fte=(1.5, 0.5, 0, 0),
        goals=("M4",), reqs=("FOS-06",), system_owner="Digitalisering og IT",
        comment="Forudsætning for flere selvbetjeningsløsninger."),
    InitiativeSpec(
        "EK-002", "Digital selvbetjening på byggesager",
        "Guidet ansøgning om byggetilladelse med automatisk kontrol af bilag og status til "
        "ansøger; færre mangelfulde ansøgninger og kortere sagsbehandlingstid.",
        "TMF-BYG", ("BSC", "OES-DIG"), "proposal", "development", "citizen",
        (3, 1, 3, 2, 2, 2), D(2027, 8, 1), D(2028, 12, 31), "Chef for Byg og Miljø",
        "Projektleder, Byg og Miljø", capex=(900, 300, 0, 0), opex=(0, 180, 180, 180),
        fte=(0.6, 0.3, 0, 0), cash_benefit=(0, 300, 600, 600), time_benefit=(0, 200, 400, 400),
        giver="TMF-BYG", goals=("M1", "M2"), requires=("EK-001",), maturity="transaction",
        inflated=("citizen_value", "readiness"), benefit_owner="Chef for Byg og Miljø"),
    InitiativeSpec(
        "EK-003", "Softwarerobotter i Ydelsesservice",
        "Robotter (RPA) til rutineopgaver i ydelsessager: opslag, registrering og breve.",
        "BES-YDE", ("OES-DIG",), "proposal", "development", "internal",
        (3, 0, 1, 3, 1, 3), D(2027, 3, 1), D(2027, 12, 31), "Chef for Ydelsesservice",
        "RPA-udvikler", capex=(450, 0, 0, 0), opex=(120, 120, 120, 120), fte=(0.5, 0.2, 0.2, 0.2),
        cash_benefit=(300, 900, 900, 900), giver="BES-YDE", goals=("M2",),
        maturity="transformation", unit_diff={"risk": 2},
        comment="Gevinsten forudsætter, at stillinger ikke genbesættes ved naturlig afgang."),
    InitiativeSpec(
        "EK-004", "Skærmbesøg i hjemmeplejen",
        "Udvalgte besøg (medicinpåmindelse, tryghedsopkald) gennemføres som skærmbesøg.",
        "SOS-AEL", ("OES-DIG",), "proposal", "development", "citizen",
        (3, 0, 2, 3, 2, 2), D(2027, 10, 1), D(2028, 9, 30), "Chef for Ældre og Pleje",
        "Velfærdsteknologisk konsulent", capex=(600, 200, 0, 0), opex=(0, 250, 250, 250),
        fte=(0.8, 0.4, 0, 0), cash_benefit=(0, 800, 1600, 1600), giver="SOS-AEL",
        goals=("M5",), requires=("EK-006",), maturity="interaction", inflated=("employee_value",),
        benefit_owner="Chef for Ældre og Pleje"),
    InitiativeSpec(
        "EK-005", "Digitale nøgler i hjemmeplejen",
        "Elektroniske låse og digitale nøgler afløser nøglebokse hos borgerne.",
        "SOS-AEL", (), "implementation", "development", "citizen",
        (2, 0, 2, 3, 1, 4), D(2026, 3, 1), D(2027, 6, 30), "Chef for Ældre og Pleje",
        "Velfærdsteknologisk konsulent", capex=(400, 0, 0, 0), opex=(150, 150, 150, 150),
        fte=(0.3, 0, 0, 0), cash_benefit=(250, 500, 500, 500), giver="SOS-AEL", goals=("M5",),
        financing="forvaltningens ramme", benefit_owner="Chef for Ældre og Pleje"),
    InitiativeSpec(
        "EK-006", "Trådløst netværk på plejecentre",
        "Dækkende og sikkert trådløst netværk på alle fem plejecentre; forudsætning for "
        "velfærdsteknologi og mobile arbejdsgange.",
        "OES-DIG", ("SOS-AEL", "SOS-SOL"), "approved", "development", "internal",
        (3, 0, 1, 2, 1, 4), D(2027, 1, 15), D(2027, 9, 30), "Digitaliseringschef",
        "Netværksansvarlig", capex=(1400, 0, 0, 0), opex=(0, 160, 160, 160), fte=(0.4, 0, 0, 0),
        goals=("M4", "M5"), financing="investeringspulje", system_owner="Digitalisering og IT"),
    InitiativeSpec(
        "EK-007", "Sensorer til natligt tilsyn på plejecentre",
        "Sensorer giver besked ved uro eller fald, så natlige tilsyn kan målrettes.",
        "SOS-AEL", ("SOS-SOL", "OES-DIG"), "proposal", "development", "citizen",
        (3, 0, 3, 3, 2, 2), D(2027, 10, 1), D(2028, 9, 30), "Chef for Ældre og Pleje",
        "Velfærdsteknologisk konsulent", capex=(1100, 300, 0, 0), opex=(0, 280, 280, 280),
        fte=(0.5, 0.5, 0, 0), cash_benefit=(0, 600, 1200, 1200), giver="SOS-AEL",
        goals=("M5",), requires=("EK-006",), inflated=("citizen_value", "risk")),
    InitiativeSpec(
        "EK-008", "Digital forældrekommunikation i dagtilbud",
        "Udvidet brug af Aula i dagtilbud: fremmøde, beskeder og dokumentation samlet.",
        "BUF-DAG", (), "idea", "development", "citizen",
        (2, 1, 2, 1, 1, 1), D(2028, 1, 1), D(2028, 12, 31), "Dagtilbudschef", "Pædagogisk konsulent",
        capex=(200, 0, 0, 0), opex=(0, 60, 60, 60), fte=(0.3, 0, 0, 0), goals=("M1",),
        maturity="interaction"),
    InitiativeSpec(
        "EK-009", "Digital pladsanvisning i dagtilbud",
        "Forældre søger, ændrer og opsiger plads digitalt med overblik over ventetid.",
        "BUF-DAG", ("BSC", "OES-OEK"), "proposal", "development", "citizen",
        (3, 0, 3, 2, 1, 3), D(2027, 5, 1), D(2028, 4, 30), "Dagtilbudschef", "Pladsanviser",
        capex=(500, 0, 0, 0), opex=(90, 90, 90, 90), fte=(0.4, 0, 0, 0),
        cash_benefit=(0, 350, 350, 350), giver="BSC", goals=("M1", "M2"), maturity="transaction",
        inflated=("strategic_fit",)),
    InitiativeSpec(
        "EK-010", "Fælles datavarehus og ledelsesinformation",
        "Et fælles datavarehus med data fra økonomi-, løn- og fagsystemer og standard"
        "rapporter til direktion og forvaltninger.",
        "OES-DIG", ("OES-OEK", "BUF", "SOS", "BES"), "proposal", "development", "internal",
        (4, 1, 0, 3, 2, 3), D(2027, 2, 1), D(2027, 12, 31), "Økonomidirektør", "Dataarkitekt",
        capex=(1600, 800, 0, 0), opex=(0, 400, 400, 400), fte=(1.0, 1.0, 0.3, 0.3),
        time_benefit=(0, 300, 600, 600), goals=("M3",), maturity="transformation",
        unit_diff={"risk": 3}, comment="Stor betydning for tværgående styring; risiko ved datakvalitet."),
    InitiativeSpec(
        "EK-011", "Ledelsesinformation på skoleområdet",
        "Dashboards om fravær, trivsel og økonomi for skoleledere på det fælles datavarehus.",
        "BUF-SKO", ("OES-DIG", "BUF-EGS"), "proposal", "development", "internal",
        (3, 0, 1, 2, 1, 2), D(2028, 1, 1), D(2028, 12, 31), "Skolechef", "Dataanalytiker",
        capex=(350, 0, 0, 0), opex=(0, 80, 80, 80), fte=(0.3, 0.1, 0, 0), goals=("M3",),
        requires=("EK-010",), inflated=("citizen_value",)),
    InitiativeSpec(
        "EK-012", "Automatiseret budgetopfølgning",
        "Månedlig budgetopfølgning dannes automatisk fra datavarehuset.",
        "OES-OEK", ("OES-DIG",), "proposal", "development", "internal",
        (3, 0, 0, 3, 1, 3), D(2028, 1, 1), D(2028, 9, 30), "Økonomichef", "Controller",
        capex=(300, 0, 0, 0), opex=(0, 60, 60, 60), fte=(0.4, 0, 0, 0),
        cash_benefit=(0, 400, 400, 400), giver="OES-OEK", goals=("M2", "M3"), requires=("EK-010",)),
    InitiativeSpec(
        "EK-013", "Digital Fuldmagt i Borgerservice",
        "Borgerservice hjælper borgere med at give og bruge digital fuldmagt og tilpasser "
        "arbejdsgange og vejledning.",
        "BSC", ("SOS-AEL",), "approved", "development", "citizen",
        (3, 4, 3, 1, 1, 3), D(2027, 1, 1), D(2027, 12, 31), "Borgerservicechef",
        "Teamleder, Borgerservice", capex=(150, 0, 0, 0), opex=(40, 40, 40, 40), fte=(0.5, 0, 0, 0),
        goals=("M1",), reqs=("FOS-02",), maturity="transaction", financing="DUT"),
    InitiativeSpec(
        "EK-014", "Digitalt Samtykke i sagsbehandlingen",
        "Samtykker indhentes og registreres digitalt i social-, familie- og beskæftigelsessager.",
        "SOS-HAN", ("BUF-FAM", "BES-JOB", "OES-DIG"), "proposal", "development", "citizen",
        (3, 4, 2, 2, 2, 2), D(2027, 7, 1), D(2028, 6, 30), "Chef for Handicap og Psykiatri",
        "Projektleder, Social og Sundhed", capex=(400, 200, 0, 0), opex=(0, 90, 90, 90),
        fte=(0.5, 0.3, 0, 0), time_benefit=(0, 250, 250, 250), goals=("M1", "M2"),
        reqs=("FOS-03",), requires=("EK-001",)),
    InitiativeSpec(
        "EK-015", "Digital assistent på kommunens hjemmeside",
        "En digital assistent besvarer de hyppigste spørgsmål døgnet rundt og stiller "
        "videre til Borgerservice.",
        "BSC", ("OES-DIG",), "idea", "development", "citizen",
        (2, 2, 2, 2, 3, 1), D(2028, 1, 1), D(2028, 12, 31), "Borgerservicechef", "Webredaktør",
        capex=(350, 0, 0, 0), opex=(0, 150, 150, 150), fte=(0.3, 0.1, 0, 0),
        cash_benefit=(0, 200, 300, 300), giver="BSC", goals=("M1",), reqs=("FOS-05",),
        inflated=("citizen_value", "employee_value", "readiness")),
    InitiativeSpec(
        "EK-016", "Digital inklusion: hjælp til digitalt udfordrede borgere",
        "Faste digitale hjælpetilbud på biblioteker og i Borgerservice, i samarbejde med "
        "frivillige.",
        "BSC", ("KUF-BIB",), "proposal", "operation", "citizen",
        (3, 2, 3, 1, 0, 3), D(2027, 1, 1), D(2030, 12, 31), "Borgerservicechef", "Bibliotekar",
        opex=(250, 250, 250, 250), fte=(0.5, 0.5, 0.5, 0.5), goals=("M1",), reqs=("FOS-01",),
        financing="forvaltningens ramme"),
    InitiativeSpec(
        "EK-017", "Ny hjemmeside med fuld webtilgængelighed",
        "Ny hjemmeside på en fælleskommunal platform, der opfylder WCAG 2.1 AA.",
        "OES", ("BSC", "OES-DIG"), "procurement", "development", "citizen",
        (3, 4, 3, 1, 1, 3), D(2026, 9, 1), D(2027, 8, 31), "Kommunikationschef", "Webredaktør",
        capex=(700, 0, 0, 0), opex=(220, 220, 220, 220), fte=(0.8, 0, 0, 0), goals=("M1",),
        reqs=("WAD",), maturity="web_presence"),
    InitiativeSpec(
        "EK-018", "Informationssikkerhed efter NIS2: logning og overvågning",
        "Central logning og overvågning (SIEM) og en beredskabsplan for sikkerhedshændelser.",
        "OES-DIG", ("OES",), "approved", "development", "internal",
        (4, 4, 0, 1, 2, 3), D(2027, 1, 1), D(2027, 6, 30), "Digitaliseringschef",
        "Informationssikkerhedskoordinator", capex=(900, 0, 0, 0), opex=(450, 450, 450, 450),
        fte=(1.0, 0.5, 0.5, 0.5), goals=("M4",), reqs=("NIS2",), system_owner="Digitalisering og IT"),
    InitiativeSpec(
        "EK-019", "Multifaktorlogin og adgangsstyring for alle medarbejdere",
        "To-faktor-login og rollebaseret adgangsstyring til alle fagsystemer.",
        "OES-DIG", ("BUF", "SOS", "TMF", "KUF", "BES", "BSC"), "proposal", "development", "internal",
        (4, 3, 0, 1, 2, 3), D(2027, 7, 1), D(2027, 12, 31), "Digitaliseringschef", "IT-arkitekt",
        capex=(600, 0, 0, 0), opex=(200, 200, 200, 200), fte=(0.6, 0, 0, 0), goals=("M4",),
        reqs=("NIS2",), requires=("EK-018",)),
    InitiativeSpec(
        "EK-020", "Datadeling om borgerforløb på socialområdet",
        "Deling af data om borgere med en social indsats på tværs af sektorer, som den "
        "fællesoffentlige strategi lægger op til.",
        "SOS", ("BES-JOB", "BUF-FAM", "OES-DIG"), "proposal", "development", "citizen",
        (3, 4, 3, 2, 3, 2), D(2027, 9, 1), D(2029, 6, 30), "Direktør for Social og Sundhed",
        "Projektleder, Social og Sundhed", capex=(800, 600, 200, 0), opex=(0, 0, 200, 200),
        fte=(0.8, 0.8, 0.4, 0), goals=("M1", "M3"), reqs=("FOS-08",), requires=("EK-001",),
        mandatory=True, outside_frame=True, financing="DUT",
        comment="Finansieres af DUT-midler; ligger uden for rammen."),
    InitiativeSpec(
        "EK-021", "Digital registrering af byggeaffald",
        "Anmeldelse og sporing af bygge- og anlægsaffald digitalt, med bedre datakvalitet.",
        "TMF-AFF", ("TMF-BYG",), "proposal", "development", "citizen",
        (2, 4, 1, 2, 1, 3), D(2027, 4, 1), D(2027, 12, 31), "Chef for Affald og Genbrug",
        "Miljømedarbejder", capex=(250, 0, 0, 0), opex=(0, 50, 50, 50), fte=(0.3, 0, 0, 0),
        goals=("M3",), reqs=("FOS-10",), mandatory=True, outside_frame=True, financing="DUT"),
    InitiativeSpec(
        "EK-022", "Mobile tilsyn med vejarbejder",
        "Tilsynsførende registrerer tilsyn og billeder på stedet i en mobil løsning.",
        "TMF-VEJ", (), "proposal", "development", "internal",
        (2, 0, 1, 2, 1, 3), D(2027, 4, 1), D(2027, 10, 31), "Chef for Veje og Trafik", "Vejingeniør",
        capex=(180, 0, 0, 0), opex=(40, 40, 40, 40), fte=(0.2, 0, 0, 0),
        cash_benefit=(50, 150, 150, 150), giver="TMF-VEJ", goals=("M2",)),
    InitiativeSpec(
        "EK-023", "Sensorer i affaldsbeholdere",
        "Fyldningssensorer i offentlige affaldsbeholdere, så de tømmes efter behov.",
        "TMF-AFF", (), "idea", "development", "internal",
        (2, 0, 1, 1, 2, 1), D(2028, 3, 1), D(2028, 12, 31), "Chef for Affald og Genbrug", "Driftsleder",
        capex=(450, 0, 0, 0), opex=(0, 70, 70, 70), cash_benefit=(0, 150, 250, 250),
        giver="TMF-AFF", goals=("M2",)),
    InitiativeSpec(
        "EK-024", "Fælles booking af lokaler og haller",
        "Ét bookingsystem for skolernes lokaler, haller og kulturhuse, med betaling.",
        "KUF-IDR", ("BUF-SKO", "BSC"), "proposal", "development", "citizen",
        (2, 0, 3, 2, 1, 2), D(2027, 8, 1), D(2028, 3, 31), "Chef for Idræt og Fritid",
        "Fritidskonsulent", capex=(380, 0, 0, 0), opex=(0, 110, 110, 110), fte=(0.3, 0, 0, 0),
        cash_benefit=(0, 150, 150, 150), giver="KUF-IDR", goals=("M1",), maturity="transaction",
        inflated=("strategic_fit", "citizen_value")),
    InitiativeSpec(
        "EK-025", "Udvidet åbent bibliotek",
        "Selvbetjent adgang til fire lokalbiblioteker morgen og aften.",
        "KUF-BIB", (), "operation", "development", "citizen",
        (2, 0, 3, 1, 0, 4), D(2025, 9, 1), D(2026, 6, 30), "Bibliotekschef", "Bibliotekar",
        opex=(120, 120, 120, 120), cash_benefit=(200, 200, 200, 200), giver="KUF-BIB",
        goals=("M1",), financing="forvaltningens ramme", benefit_owner="Bibliotekschef"),
    InitiativeSpec(
        "EK-026", "Digital rekruttering og onboarding",
        "Rekrutteringssystem med digitale ansøgninger, samtaleplanlægning og onboarding.",
        "OES-HR", ("BUF", "SOS"), "proposal", "development", "internal",
        (2, 0, 0, 3, 1, 3), D(2027, 2, 1), D(2027, 11, 30), "HR-chef", "HR-konsulent",
        capex=(300, 0, 0, 0), opex=(130, 130, 130, 130), fte=(0.4, 0, 0, 0),
        cash_benefit=(0, 250, 250, 250), giver="OES-HR", goals=("M2",)),
    InitiativeSpec(
        "EK-027", "Automatisk fakturahåndtering",
        "Maskinlæring konterer og godkendelsesruter fakturaer automatisk.",
        "OES-OEK", ("OES-DIG",), "implementation", "development", "internal",
        (3, 0, 0, 3, 1, 4), D(2026, 8, 1), D(2027, 5, 31), "Økonomichef", "Bogholder",
        capex=(350, 0, 0, 0), opex=(100, 100, 100, 100), fte=(0.3, 0, 0, 0),
        cash_benefit=(400, 700, 700, 700), giver="OES-OEK", goals=("M2",),
        maturity="transformation", benefit_owner="Økonomichef"),
    InitiativeSpec(
        "EK-028", "Digitale samtaler i Jobcenteret",
        "Videosamtaler og sikker digital post mellem jobkonsulenter og borgere.",
        "BES-JOB", ("OES-DIG",), "proposal", "development", "citizen",
        (3, 1, 2, 2, 1, 3), D(2027, 3, 1), D(2027, 12, 31), "Jobcenterchef", "Jobkonsulent",
        capex=(220, 0, 0, 0), opex=(60, 60, 60, 60), fte=(0.2, 0, 0, 0),
        time_benefit=(100, 300, 300, 300), goals=("M1", "M2"), maturity="interaction"),
    InitiativeSpec(
        "EK-029", "KOMBIT-udrulning på beskæftigelsesområdet",
        "Overgang til den nye fælleskommunale løsning: datakonvertering, arbejdsgange og "
        "uddannelse af medarbejdere.",
        "BES", ("BES-JOB", "BES-YDE", "OES-DIG"), "implementation", "operation", "internal",
        (2, 4, 1, 1, 3, 3), D(2026, 10, 1), D(2027, 10, 1), "Direktør for Beskæftigelse",
        "Implementeringsleder", capex=(900, 0, 0, 0), opex=(0, 0, 0, 0), fte=(2.0, 0, 0, 0),
        goals=("M4",), reqs=("KOMBIT-1",), financing="forvaltningens ramme",
        comment="Tabt arbejdstid under uddannelse er medregnet som interne ressourcer."),
    InitiativeSpec(
        "EK-030", "Mobile enheder til hjemmeplejen",
        "Udskiftning af 350 smartphones i hjemmeplejen med ny mobilplatform.",
        "SOS-AEL", ("OES-DIG",), "proposal", "operation", "internal",
        (1, 0, 0, 2, 0, 4), D(2027, 1, 1), D(2027, 6, 30), "Chef for Ældre og Pleje", "IT-supporter",
        capex=(1050, 0, 0, 0), opex=(80, 80, 80, 80), fte=(0.3, 0, 0, 0), goals=("M4",),
        financing="forvaltningens ramme"),
    InitiativeSpec(
        "EK-031", "Fagsystemer flyttes til leverandørdrift",
        "Seks fagsystemer flyttes fra egen serverdrift til drift hos leverandøren.",
        "OES-DIG", (), "proposal", "operation", "internal",
        (2, 0, 0, 1, 2, 2), D(2027, 5, 1), D(2028, 4, 30), "Digitaliseringschef", "Driftschef",
        capex=(500, 0, 0, 0), opex=(0, 300, 300, 300), fte=(0.6, 0.2, 0, 0),
        cash_benefit=(0, 350, 450, 450), giver="OES-DIG", goals=("M4",)),
    InitiativeSpec(
        "EK-032", "Kunstig intelligens til journalisering og postfordeling",
        "AI foreslår journalnummer og modtager for indgående post i alle forvaltninger.",
        "OES-DIG", ("BUF", "SOS", "TMF", "BES", "BSC"), "idea", "development", "internal",
        (3, 1, 0, 3, 3, None), D(2028, 1, 1), D(2028, 12, 31), "Digitaliseringschef",
        "Data scientist", capex=(700, 300, 0, 0), opex=(0, 200, 200, 200), fte=(0.8, 0.4, 0, 0),
        cash_benefit=(0, 600, 1200, 1200), giver="OES", goals=("M2",), requires=("EK-001",),
        maturity="transformation", inflated=("employee_value",),
        comment="Parathed ikke aftalt: afventer afklaring af databeskyttelse."),
    InitiativeSpec(
        "EK-033", "Digital borgerinddragelse i lokalplaner",
        "Borgerne kommenterer lokalplanforslag på et kort og følger høringssvarene.",
        "TMF-BYG", ("BSC",), "on_hold", "development", "citizen",
        (2, 0, 2, 0, 1, 2), D(2028, 1, 1), D(2028, 9, 30), "Chef for Byg og Miljø", "Planlægger",
        capex=(250, 0, 0, 0), opex=(0, 60, 60, 60), goals=("M1",), maturity="e_democracy"),
    InitiativeSpec(
        "EK-034", "Digitale kompetencer for alle medarbejdere",
        "Kompetenceløft i digitale værktøjer og informationssikkerhed for 4.000 medarbejdere.",
        "OES-HR", ("BUF", "SOS", "TMF", "KUF", "BES", "BSC"), "proposal", "operation", "internal",
        (3, 1, 0, 3, 1, 2), D(2027, 1, 1), D(2028, 12, 31), "HR-chef", "Kompetencekonsulent",
        opex=(400, 400, 0, 0), fte=(1.5, 1.5, 0, 0), time_benefit=(0, 200, 200, 200),
        goals=("M2", "M4"), financing="forvaltningens ramme"),
    InitiativeSpec(
        "EK-035", "Talegenkendelse i journalføring på familieområdet",
        "Socialrådgivere dikterer journalnotater, som skrives ud automatisk.",
        "BUF-FAM", ("OES-DIG",), "idea", "development", "internal",
        (2, 0, 1, 2, 2, None), D(2028, 1, 1), D(2028, 6, 30), "Chef for Familie og Rådgivning",
        "Socialrådgiver", capex=(200, 0, 0, 0), opex=(0, 90, 90, 90), fte=(0.2, 0, 0, 0),
        time_benefit=(0, 300, 300, 300), goals=("M2",), inflated=("employee_value",)),
    InitiativeSpec(
        "EK-036", "Selvbetjeningsterminaler i Borgerservice",
        "Fysiske terminaler til pas og kørekort; afvist, da løsningen dækkes nationalt.",
        "BSC", (), "rejected", "development", "citizen",
        (1, 0, 1, 1, 2, 2), D(2027, 1, 1), D(2027, 6, 30), "Borgerservicechef",
        "Teamleder, Borgerservice", capex=(600, 0, 0, 0), opex=(0, 90, 90, 90), goals=("M1",)),
    InitiativeSpec(
        "EK-037", "MitID i kommunens egne selvbetjeningsløsninger",
        "Overgangen fra NemID til MitID i kommunens egne løsninger; afsluttet og i drift.",
        "OES-DIG", ("BSC",), "closed", "development", "citizen",
        (2, 4, 2, 1, 1, 4), D(2022, 1, 1), D(2023, 6, 30), "Digitaliseringschef", "IT-arkitekt",
        opex=(30, 30, 30, 30), goals=("M1", "M4"), financing="forvaltningens ramme"),
)
