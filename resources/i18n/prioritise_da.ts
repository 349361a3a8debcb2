<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name></name>
    <message>
        <location filename="../../app/ui/commands/base.py" line="67"/>
        <source>Changed by another editor</source>
        <translation>Ændret af en anden redaktør</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/base.py" line="70"/>
        <source>The change was refused</source>
        <translation>Ændringen blev afvist</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/base.py" line="76"/>
        <source>Read-only</source>
        <translation>Skrivebeskyttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/base.py" line="76"/>
        <source>The portfolio is open read-only; nothing was changed.</source>
        <translation>Porteføljen er åbnet skrivebeskyttet; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/initiative.py" line="23"/>
        <source>Edit {id}</source>
        <translation>Redigér {id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/initiative.py" line="38"/>
        <source>New initiative {id}</source>
        <translation>Nyt tiltag {id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/initiative.py" line="57"/>
        <source>Delete {id}</source>
        <translation>Slet {id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/rows.py" line="23"/>
        <source>Assessment of {id}</source>
        <translation>Vurdering af {id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/rows.py" line="85"/>
        <source>{a} requires {b}</source>
        <translation>{a} forudsætter {b}</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands/rows.py" line="85"/>
        <source>{a} no longer requires {b}</source>
        <translation>{a} forudsætter ikke længere {b}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="44"/>
        <source>{field}: your value “{mine}”, saved by the other editor “{theirs}”</source>
        <translation>{field}: din værdi “{mine}”, gemt af den anden redaktør “{theirs}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="70"/>
        <location filename="../../app/ui/labels.py" line="71"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs.py" line="71"/>
        <location filename="../../app/ui/labels.py" line="72"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="53"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="54"/>
        <source>&amp;New portfolio…</source>
        <translation>&amp;Ny portefølje …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="56"/>
        <source>&amp;Open portfolio…</source>
        <translation>&amp;Åbn portefølje …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="58"/>
        <source>Open &amp;shared portfolio (PostgreSQL)…</source>
        <translation>Åbn &amp;delt portefølje (PostgreSQL) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="60"/>
        <source>Open the &amp;demo</source>
        <translation>Åbn &amp;eksemplet</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="61"/>
        <source>&amp;Recent portfolios</source>
        <translation>&amp;Seneste porteføljer</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="64"/>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Importér regneark …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="65"/>
        <source>New proposal &amp;template (XLSX)…</source>
        <translation>Ny &amp;skabelon til projektforslag (XLSX) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="67"/>
        <source>&amp;Export</source>
        <translation>&amp;Eksportér</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="69"/>
        <source>Agenda item (DOCX)…</source>
        <translation>Dagsordenspunkt (DOCX) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="69"/>
        <source>Bilag (PDF)…</source>
        <translation>Bilag (PDF) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="70"/>
        <source>Spreadsheet (XLSX)…</source>
        <translation>Regneark (XLSX) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="70"/>
        <source>CSV…</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="72"/>
        <source>&amp;Backups and restore…</source>
        <translation>Sikkerhedskopier og &amp;gendannelse …</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="74"/>
        <source>&amp;Close portfolio</source>
        <translation>&amp;Luk portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="75"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="78"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="79"/>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="81"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="86"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="87"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Præsentationstilstand</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="91"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="121"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="127"/>
        <location filename="../../app/ui/file_actions.py" line="148"/>
        <location filename="../../app/ui/opening.py" line="56"/>
        <location filename="../../app/ui/opening.py" line="61"/>
        <location filename="../../app/ui/opening.py" line="79"/>
        <source>The portfolio could not be opened</source>
        <translation>Porteføljen kunne ikke åbnes</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="128"/>
        <source>The file does not exist: {path}</source>
        <translation>Filen findes ikke: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="160"/>
        <location filename="../../app/ui/file_actions.py" line="165"/>
        <source>New portfolio</source>
        <translation>Ny portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="160"/>
        <source>Portfolio.portfolio</source>
        <translation>Portefølje.portfolio</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="165"/>
        <source>Municipality:</source>
        <translation>Kommune:</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="176"/>
        <source>Open portfolio</source>
        <translation>Åbn portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="182"/>
        <source>Open shared portfolio</source>
        <translation>Åbn delt portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="183"/>
        <source>PostgreSQL URL (postgresql+psycopg://user@server/database):</source>
        <translation>PostgreSQL-adresse (postgresql+psycopg://bruger@server/database):</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="187"/>
        <source>Not a PostgreSQL URL</source>
        <translation>Ikke en PostgreSQL-adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="189"/>
        <source>“{url}” is not a PostgreSQL URL; it must start with postgresql+psycopg://</source>
        <translation>“{url}” er ikke en PostgreSQL-adresse; den skal begynde med postgresql+psycopg://</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="211"/>
        <source>New proposal template</source>
        <translation>Ny skabelon til projektforslag</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="212"/>
        <source>Projektforslag.xlsx</source>
        <translation>Projektforslag.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="229"/>
        <source>The template could not be written</source>
        <translation>Skabelonen kunne ikke skrives</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="231"/>
        <source>Template written: {path}</source>
        <translation>Skabelonen er skrevet: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="255"/>
        <source>daily</source>
        <translation>daglig</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="255"/>
        <source>manual</source>
        <translation>manuel</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="255"/>
        <source>before restore</source>
        <translation>før gendannelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="257"/>
        <source>before upgrade</source>
        <translation>før opgradering</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="275"/>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="275"/>
        <source>There are no backups of this portfolio yet.</source>
        <translation>Der er endnu ingen sikkerhedskopier af denne portefølje.</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="278"/>
        <location filename="../../app/ui/file_actions.py" line="281"/>
        <location filename="../../app/ui/file_actions.py" line="290"/>
        <source>Restore a backup</source>
        <translation>Gendan en sikkerhedskopi</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="278"/>
        <source>Backup to restore:</source>
        <translation>Sikkerhedskopi der skal gendannes:</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="283"/>
        <source>Replace the portfolio with the backup “{name}”? The current state is backed up first.</source>
        <translation>Erstat porteføljen med sikkerhedskopien “{name}”? Den nuværende tilstand sikkerhedskopieres først.</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="23"/>
        <source>another user</source>
        <translation>en anden bruger</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="25"/>
        <source>{user} on {host}</source>
        <translation>{user} på {host}</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="30"/>
        <source>(since {time})</source>
        <translation>(siden kl. {time})</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="47"/>
        <source>The portfolio is in use</source>
        <translation>Porteføljen er i brug</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="49"/>
        <source>{name} is being edited by {who}.

Open it read-only? You can read and export, but not change anything.</source>
        <translation>{name} redigeres af {who}.

Vil du åbne den skrivebeskyttet? Du kan læse og eksportere, men ikke ændre noget.</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="50"/>
        <source>Open read-only</source>
        <translation>Åbn skrivebeskyttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="27"/>
        <source>Bilag.pdf</source>
        <translation>Bilag.pdf</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="27"/>
        <source>Agenda item.docx</source>
        <translation>Dagsordenspunkt.docx</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="28"/>
        <source>Portfolio.xlsx</source>
        <translation>Portefølje.xlsx</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="29"/>
        <source>Portfolio.csv</source>
        <translation>Portefølje.csv</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="63"/>
        <source>The export failed: {error}</source>
        <translation>Eksporten mislykkedes: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="91"/>
        <location filename="../../app/ui/export_action.py" line="102"/>
        <location filename="../../app/ui/export_action.py" line="116"/>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="125"/>
        <location filename="../../app/ui/opening.py" line="50"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="125"/>
        <source>Exporting {name} …</source>
        <translation>Eksporterer {name} …</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="91"/>
        <source>Wrote {path}</source>
        <translation>Skrev {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="96"/>
        <source>The export failed</source>
        <translation>Eksporten mislykkedes</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="97"/>
        <source>No file was written.</source>
        <translation>Der blev ikke skrevet nogen fil.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_action.py" line="103"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten blev annulleret; der blev ikke skrevet nogen fil.</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="58"/>
        <source>being edited by {who}</source>
        <translation>redigeres af {who}</translation>
    </message>
    <message>
        <location filename="../../app/ui/opening.py" line="88"/>
        <source>The portfolio could not be created</source>
        <translation>Porteføljen kunne ikke oprettes</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/assessment_tab.py" line="40"/>
        <source>Score 0 at {low} and 1 at {high} {unit}, capped.</source>
        <translation>Score 0 ved {low} og 1 ved {high} {unit}, med loft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/assessment_tab.py" line="46"/>
        <source>Lower is better.</source>
        <translation>Lavere er bedre.</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="31"/>
        <source>Cost/benefit</source>
        <extracomment>(field, header, kind) — kind: year, choice:&lt;labels fn&gt;, text, amount, fte</extracomment>
        <translation>Udgift/gevinst</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="32"/>
        <source>Budget year</source>
        <translation>Budgetår</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="33"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="34"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="35"/>
        <location filename="../../app/ui/models/table_columns.py" line="71"/>
        <source>Financing</source>
        <translation>Finansiering</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="36"/>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="37"/>
        <source>Likely</source>
        <translation>Forventet</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="38"/>
        <source>High</source>
        <translation>Høj</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="39"/>
        <source>FTE</source>
        <translation>Årsværk</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="40"/>
        <source>Benefit kind</source>
        <translation>Gevinsttype</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="41"/>
        <source>Beneficiary</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="42"/>
        <source>Giving unit</source>
        <translation>Afgivende enhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/lines_model.py" line="70"/>
        <source>Not split</source>
        <translation>Ikke fordelt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="9"/>
        <source>Idea</source>
        <comment>phase</comment>
        <translation>Idé</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="9"/>
        <source>Project proposal</source>
        <comment>phase</comment>
        <translation>Projektforslag</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="9"/>
        <source>Approved</source>
        <comment>phase</comment>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="10"/>
        <source>Procurement</source>
        <comment>phase</comment>
        <translation>Udbud/anskaffelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="10"/>
        <source>Implementation</source>
        <comment>phase</comment>
        <translation>Implementering</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="11"/>
        <source>In operation</source>
        <comment>phase</comment>
        <translation>I drift/gevinstrealisering</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="11"/>
        <source>Closed</source>
        <comment>phase</comment>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="11"/>
        <source>Rejected</source>
        <comment>phase</comment>
        <translation>Afvist</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="15"/>
        <source>On hold</source>
        <comment>phase</comment>
        <translation>Sat i bero</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="16"/>
        <source>Development</source>
        <translation>Udvikling</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19"/>
        <source>Operation</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>Citizen-facing</source>
        <translation>Borgerrettet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24"/>
        <source>Web presence</source>
        <translation>Web-tilstedeværelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24"/>
        <source>Digital interaction</source>
        <translation>Digital interaktion</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25"/>
        <source>Digital transaction</source>
        <translation>Digital transaktion</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25"/>
        <source>Transformation</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29"/>
        <source>E-democracy</source>
        <translation>E-demokrati</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>Capital (anlæg)</source>
        <translation>Anlæg</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="33"/>
        <source>Operating (drift)</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>Cost</source>
        <translation>Udgift</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37"/>
        <source>Benefit</source>
        <translation>Gevinst</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>Procurement</source>
        <translation>Anskaffelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>Implementation</source>
        <translation>Implementering</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>Training</source>
        <translation>Uddannelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>Internal time</source>
        <translation>Interne ressourcer</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>Licence and operation</source>
        <translation>Licens og drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>Consultants</source>
        <translation>Konsulenter</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="44"/>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="45"/>
        <source>Cash-releasing</source>
        <translation>Budgetrealiserbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="46"/>
        <source>Non-cash (freed time)</source>
        <translation>Ikke-budgetrealiserbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="50"/>
        <source>Qualitative</source>
        <translation>Kvalitativ</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="51"/>
        <source>Citizens</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="51"/>
        <source>Employees</source>
        <translation>Medarbejdere</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="52"/>
        <source>Businesses</source>
        <translation>Virksomheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="55"/>
        <source>The municipality</source>
        <translation>Kommunen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="56"/>
        <source>Approved</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="56"/>
        <source>Approved with conditions</source>
        <translation>Godkendt med betingelser</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="57"/>
        <source>Rejected</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="57"/>
        <source>Postponed</source>
        <translation>Udsat</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="61"/>
        <source>Referred</source>
        <translation>Oversendt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="62"/>
        <source>Steering group</source>
        <translation>Styregruppen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="62"/>
        <source>Directorate</source>
        <translation>Direktionen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="63"/>
        <source>Finance Committee</source>
        <translation>Økonomiudvalget</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="66"/>
        <source>City Council</source>
        <translation>Kommunalbestyrelsen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="67"/>
        <source>Proposer</source>
        <translation>Forslagsstiller</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="67"/>
        <source>Digitalisation unit</source>
        <translation>Digitaliseringsenheden</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="70"/>
        <source>Agreed</source>
        <translation>Aftalt</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="47"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="48"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="49"/>
        <source>Lead unit</source>
        <translation>Ansvarlig forvaltning</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="50"/>
        <source>Units involved</source>
        <translation>Involverede enheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="52"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="53"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="54"/>
        <source>Audience</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="55"/>
        <source>Mandatory</source>
        <translation>Obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="56"/>
        <source>Outside frame</source>
        <translation>Uden for rammen</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="57"/>
        <source>Confidential</source>
        <translation>Fortroligt</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="58"/>
        <source>Total cost</source>
        <translation>Samlet udgift</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="59"/>
        <source>Total benefit</source>
        <translation>Samlet gevinst</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="61"/>
        <source>Internal time (FTE)</source>
        <translation>Interne ressourcer (årsværk)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="63"/>
        <source>Assessed</source>
        <translation>Vurderet</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="64"/>
        <source>Complete</source>
        <translation>Fuldt</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="64"/>
        <source>Incomplete</source>
        <translation>Mangler</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="65"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="67"/>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="69"/>
        <source>Requires</source>
        <translation>Forudsætter</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="70"/>
        <source>Project owner</source>
        <translation>Projektejer</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/table_columns.py" line="72"/>
        <source>Maturity level</source>
        <translation>Modenhedsniveau</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/number_edit.py" line="39"/>
        <source>The value cannot be negative.</source>
        <translation>Værdien kan ikke være negativ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/number_edit.py" line="42"/>
        <source>A level is a whole number from 0 to 4.</source>
        <translation>Et niveau er et helt tal fra 0 til 4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/number_edit.py" line="45"/>
        <source>A year is a whole number such as 2027.</source>
        <translation>Et år er et helt tal, fx 2027.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/number_edit.py" line="48"/>
        <source>A percentage is between −100 and 100.</source>
        <translation>En procentsats ligger mellem −100 og 100.</translation>
    </message>
    <message>
        <location filename="../../app/ui/screenshot.py" line="94"/>
        <source>Cannot write the screenshot {path} (is the folder there and writable?)</source>
        <translation>Kan ikke skrive skærmbilledet {path} (findes mappen, og må der skrives i den?)</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../../app/ui/initiative/assessment_tab.py" line="88"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/assessment_tab.py" line="110"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/assessment_tab.py" line="158"/>
        <source>Give a value before a comment.</source>
        <translation>Angiv en værdi før en kommentar.</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../app/ui/views/audit.py" line="29"/>
        <source>Search user, initiative, field, value …</source>
        <extracomment>how long after the window is shown the start-up objects go back to the collector</extracomment>
        <translation>Søg på bruger, tiltag, felt, værdi …</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/audit.py" line="62"/>
        <source>{n} changes shown, newest first (at most {limit}).</source>
        <translation>{n} ændringer vist, nyeste først (højst {limit}).</translation>
    </message>
</context>
<context>
    <name>BubblePanel</name>
    <message>
        <location filename="../../app/ui/charts/panels.py" line="101"/>
        <source>Click a bubble to see its numbers; double-click to open the initiative.</source>
        <translation>Klik på en boble for at se tallene; dobbeltklik for at åbne tiltaget.</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panels.py" line="111"/>
        <source>{id} {title}: cost {cost}, score {score}, NPV {npv}</source>
        <translation>{id} {title}: udgift {cost}, score {score}, NNV {npv}</translation>
    </message>
</context>
<context>
    <name>BubbleSlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="127"/>
        <source>Value and cost</source>
        <translation>Værdi og udgift</translation>
    </message>
</context>
<context>
    <name>BudgetSlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="214"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="226"/>
        <source>The table shows all {n} initiatives that are not rejected or closed, in {unit}, {prices}; savings are negative.</source>
        <translation>Tabellen viser alle {n} tiltag, der ikke er afvist eller afsluttet, i {unit}, {prices}; gevinster er negative.</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="230"/>
        <source>The recommended portfolio in {unit}, {prices}; savings are negative.</source>
        <translation>Den anbefalede portefølje i {unit}, {prices}; gevinster er negative.</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="238"/>
        <source>“Of which outside the frame”: mandatory initiatives financed outside the budget frame ({ids}), so they use none of it.</source>
        <translation>»Heraf uden for rammen«: obligatoriske tiltag finansieret uden for budgetrammen ({ids}), som derfor ikke bruger af den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="243"/>
        <source>No recommendation</source>
        <translation>Ingen anbefaling</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="248"/>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
</context>
<context>
    <name>BudgetTable</name>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="134"/>
        <source>Not split into anlæg/drift</source>
        <extracomment>the prices the amounts are in, as the outputs name them (&quot;2026 prices&quot;; or that the source states no price base for some or all, ``economics.PriceBasis.phrase``) of a recommended portfolio, the mandatory initiatives financed outside the frame (their cost uses none of the frames: the view shows it as &quot;of which outside the frame&quot;, as the recommendation view, slide and bilag do) the cash lines of ``initiatives`` by id (``economics.load_lines``) Row kinds, from least to most emphasised.</extracomment>
        <translation>Ikke fordelt på anlæg/drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="135"/>
        <source>of which afledt drift</source>
        <translation>heraf afledt drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="136"/>
        <source>Savings (mindreudgifter)</source>
        <translation>Gevinster (mindreudgifter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="137"/>
        <source>Net budget effect</source>
        <translation>Nettobudgetvirkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="139"/>
        <source>Benefits of unstated kind (not in the net)</source>
        <translation>Gevinster af ikke oplyst art (indgår ikke i netto)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="157"/>
        <source>Other years</source>
        <translation>Øvrige år</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="157"/>
        <source>No year</source>
        <translation>Uden år</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="159"/>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="159"/>
        <source>1,000 {unit}</source>
        <translation>1.000 {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="201"/>
        <source>Operating cost the initiative leaves behind</source>
        <translation>Driftsudgift, som tiltaget efterlader</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="208"/>
        <source>Costs the source gives without saying whether they are anlæg or drift (e.g. a whole-life cost)</source>
        <translation>Udgifter, som kilden angiver uden at sige, om de er anlæg eller drift (fx en samlet levetidsomkostning)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="212"/>
        <source>Budgetrealiserbare gevinster, shown negative</source>
        <translation>Budgetrealiserbare gevinster, vist negativt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="219"/>
        <source>Benefits whose kind the source does not state: not counted as budgetrealiserbare gevinster</source>
        <translation>Gevinster, hvis art kilden ikke oplyser: tælles ikke som budgetrealiserbare gevinster</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="221"/>
        <source>By financing source</source>
        <translation>Fordelt på finansiering</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="225"/>
        <source>(no financing source)</source>
        <translation>(ingen finansiering angivet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="227"/>
        <source>Internal time, årsværk</source>
        <translation>Interne ressourcer, årsværk</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="230"/>
        <source>Internal working time is not cash: it counts against capacity, not the budget</source>
        <translation>Intern arbejdstid er ikke kontant: den tæller mod kapaciteten, ikke budgettet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="190"/>
        <source>Mandatory initiatives financed outside the frame: {ids}. Their cost is in the row above but uses none of the budget frames.</source>
        <translation>Obligatoriske tiltag finansieret uden for rammen: {ids}. Deres udgift indgår i rækken ovenfor, men bruger ikke af budgetrammerne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget_model.py" line="192"/>
        <source>of which outside the frame</source>
        <translation>heraf uden for rammen</translation>
    </message>
</context>
<context>
    <name>BudgetView</name>
    <message>
        <location filename="../../app/ui/views/budget.py" line="77"/>
        <source>WHAT-IF</source>
        <translation>HVAD-NU-HVIS</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="81"/>
        <source>The recommended portfolio</source>
        <translation>Den anbefalede portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="82"/>
        <source>Committed and mandatory initiatives</source>
        <translation>Igangsatte og obligatoriske tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="83"/>
        <source>All initiatives (not rejected or closed)</source>
        <translation>Alle tiltag (ikke afviste eller afsluttede)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="102"/>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="163"/>
        <source>Budget — {scenario}</source>
        <translation>Budget — {scenario}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="166"/>
        <source>The recommended portfolio of the scenario: {n} initiatives.</source>
        <translation>Scenariets anbefalede portefølje: {n} tiltag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="168"/>
        <source>Initiatives already committed (approved or under way) and the mandatory ones: {n}.</source>
        <translation>Tiltag, der allerede er besluttet (godkendt eller i gang), og de obligatoriske: {n}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="169"/>
        <source>All {n} initiatives that are not rejected or closed.</source>
        <translation>Alle {n} tiltag, der ikke er afvist eller afsluttet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="175"/>
        <source>No recommendation: the scenario “{scenario}” has no budget frame; set one in the Recommendation view.</source>
        <translation>Ingen anbefaling: scenariet “{scenario}” har ingen budgetramme; angiv en i visningen Anbefaling.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="177"/>
        <source>No recommendation ({reason}).</source>
        <translation>Ingen anbefaling ({reason}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="180"/>
        <source>Amounts in {unit}, {prices}; savings are negative.</source>
        <translation>Beløb i {unit}, {prices}; gevinster er negative (mindreudgifter).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="182"/>
        <source>Per initiative: net budget effect ({unit})</source>
        <translation>Pr. tiltag: nettobudgetvirkning ({unit})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="190"/>
        <source>Summed over the {n} initiatives</source>
        <translation>Samlet for de {n} tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="203"/>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="206"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="225"/>
        <source>{id} {title}</source>
        <translation>{id} {title}</translation>
    </message>
</context>
<context>
    <name>BusinessCaseTab</name>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="58"/>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="221"/>
        <source>Add cost line</source>
        <translation>Tilføj udgiftslinje</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="59"/>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="222"/>
        <source>Add benefit line</source>
        <translation>Tilføj gevinstlinje</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="60"/>
        <source>Delete line</source>
        <translation>Slet linje</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="69"/>
        <source>Key figures</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="72"/>
        <source>Cash cost</source>
        <translation>Udgift (kontant)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="73"/>
        <source>Internal time</source>
        <translation>Interne ressourcer</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="74"/>
        <source>Benefits (valued)</source>
        <translation>Gevinster (værdisat)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="75"/>
        <source>Net present value (NPV)</source>
        <translation>Nettonutidsværdi (NNV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="76"/>
        <source>Payback period</source>
        <translation>Tilbagebetalingstid</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="77"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="77"/>
        <source>Total cost of ownership</source>
        <translation>Samlede ejeromkostninger (TCO)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="86"/>
        <source>Discount rate (%)</source>
        <translation>Diskonteringsrente (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="87"/>
        <source>Horizon after go-live (years)</source>
        <translation>Horisont efter idriftsættelse (år)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="124"/>
        <source>Budget effect ({unit}, savings negative)</source>
        <translation>Budgetvirkning ({unit}, mindreudgifter negative)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="137"/>
        <source>{amount} ({fte} FTE)</source>
        <translation>{amount} ({fte} årsværk)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="141"/>
        <source>{npv} at {rate}, {first}–{last}</source>
        <translation>{npv} ved {rate}, {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="144"/>
        <source>– (no line has a budget year)</source>
        <translation>– (ingen linje har et budgetår)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="151"/>
        <source>⚠ lines only to {data}; {gap} count as 0</source>
        <translation>⚠ linjer kun til {data}; {gap} tæller som 0</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="158"/>
        <source>The horizon runs {first}–{last} (go-live {live} + {horizon} years), but the business case has lines only to {data}. Years without lines count as 0: no cost or benefit is assumed in {gap}, so the NNV leaves out any licence, operating cost or benefit that continues. Add lines for those years, or shorten the horizon.</source>
        <translation>Horisonten er {first}–{last} (idriftsættelse {live} + {horizon} år), men business casen har kun linjer til {data}. År uden linjer tæller som 0: der regnes ikke med udgifter eller gevinster i {gap}, så NNV udelader licenser, driftsudgifter og gevinster, der fortsætter. Tilføj linjer for de år, eller forkort horisonten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="162"/>
        <source>{years} years</source>
        <translation>{years} år</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="163"/>
        <source>not within the horizon</source>
        <translation>ikke inden for horisonten</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="178"/>
        <source>Other years</source>
        <translation>Øvrige år</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="178"/>
        <source>No year</source>
        <translation>Uden år</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="180"/>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="180"/>
        <source>Capital (anlæg)</source>
        <translation>Anlæg</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="180"/>
        <source>Operating (drift)</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="181"/>
        <source>of which derived operating</source>
        <translation>heraf afledt drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="183"/>
        <source>Not split into anlæg/drift</source>
        <translation>Ikke fordelt på anlæg/drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="185"/>
        <source>Cash-releasing benefits</source>
        <translation>Budgetrealiserbare gevinster</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="185"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="189"/>
        <source>FTE (internal)</source>
        <translation>Årsværk (interne)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="210"/>
        <source>Edit business-case line</source>
        <translation>Redigér business case-linje</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/business_case_tab.py" line="230"/>
        <source>Delete business-case line</source>
        <translation>Slet business case-linje</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="85"/>
        <source>Save PNG…</source>
        <translation>Gem PNG …</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="86"/>
        <source>Save SVG…</source>
        <translation>Gem SVG …</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="87"/>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="88"/>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>Kopiér diagrammet til udklipsholderen som billede</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="157"/>
        <source>What-if: {name}</source>
        <extracomment>the z value of the roadmap&apos;s bar labels: above the year rules, the dependency arrows and the bars (all at pyqtgraph&apos;s default 0), so no line runs through a label</extracomment>
        <translation>Hvad-nu-hvis: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="163"/>
        <source>… and {n} more</source>
        <translation>… og {n} mere</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="175"/>
        <source>Could not write {path}</source>
        <translation>Kunne ikke skrive {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="191"/>
        <source>Save chart as PNG</source>
        <translation>Gem diagram som PNG</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="191"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-billede (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="195"/>
        <source>Save chart as SVG</source>
        <translation>Gem diagram som SVG</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panel.py" line="195"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-tegning (*.svg)</translation>
    </message>
</context>
<context>
    <name>ChartViews</name>
    <message>
        <location filename="../../app/ui/charts/views.py" line="160"/>
        <source>Dependencies</source>
        <extracomment>description shape → pyqtgraph symbol code anchor of a label (TextItem anchor, fractions of the text box) per position name; the gap to the marker is added in ``_anchor`` px a label keeps off every other marker&apos;s rim (its own is 2 px away: ``labels.label_box``) the shown labels: (item, position name, drawn marker radius px, bubble id)</extracomment>
        <translation>Afhængigheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/views.py" line="162"/>
        <source>Dependency matrix</source>
        <translation>Afhængighedsmatrix</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/views.py" line="164"/>
        <source>Roadmap</source>
        <translation>Køreplan</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/views.py" line="166"/>
        <source>Value and cost</source>
        <translation>Værdi og udgift</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/views.py" line="168"/>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/views.py" line="170"/>
        <source>Maturity</source>
        <translation>Modenhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/views.py" line="172"/>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/view.py" line="25"/>
        <source>Presentation</source>
        <translation>Præsentation</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="421"/>
        <source>Check before importing</source>
        <extracomment>where the recommended portfolio&apos;s label may go, tried in order (TextItem anchors): below right, below left, then further below (under a concave curve there is room), right, left, above what each chart depends on (a change of one of these kinds reloads it)</extracomment>
        <translation>Kontrollér før import</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="423"/>
        <source>Nothing has been written yet. The import is all or nothing: it runs only when no problem is left.</source>
        <translation>Intet er skrevet endnu. Importen er alt eller intet: den gennemføres først, når der ikke er flere problemer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="429"/>
        <source>Skip rows with problems (they are listed)</source>
        <translation>Spring rækker med problemer over (de vises på listen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="431"/>
        <source>Save the mapping…</source>
        <translation>Gem kolonneopsætningen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="438"/>
        <source>Problems (row, column, reason):</source>
        <translation>Problemer (række, kolonne, årsag):</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="459"/>
        <source>chosen on the previous page</source>
        <translation>valgt på forrige side</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="472"/>
        <location filename="../../app/ui/import_wizard.py" line="485"/>
        <source>Problems (row, column, reason): {n}</source>
        <translation>Problemer (række, kolonne, årsag): {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="480"/>
        <source>Nothing can be imported until the errors below are corrected in the file or the mapping, or their rows are skipped.</source>
        <translation>Intet kan importeres, før fejlene nedenfor er rettet i filen eller kolonneopsætningen, eller deres rækker springes over.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="494"/>
        <source>Save the mapping</source>
        <translation>Gem kolonneopsætningen</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="495"/>
        <source>Mappings (*.json)</source>
        <translation>Kolonneopsætninger (*.json)</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="188"/>
        <source>Compare scenarios</source>
        <extracomment>the kinds of change after which both scenarios are compared again</extracomment>
        <translation>Sammenlign scenarier</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="194"/>
        <source>Swap A and B</source>
        <translation>Byt om på A og B</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="222"/>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="225"/>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="280"/>
        <source>what-if</source>
        <translation>hvad-nu-hvis</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="313"/>
        <source>The portfolio has no scenario to compare.</source>
        <translation>Porteføljen har intet scenarie at sammenligne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="321"/>
        <source>Solving both recommended portfolios…</source>
        <translation>Beregner begge anbefalede porteføljer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="363"/>
        <source>A and B are the same scenario: create a what-if under Strategy and weights, or another scenario, to compare.</source>
        <translation>A og B er samme scenarie: opret et hvad-nu-hvis-scenarie under Strategi og vægte, eller et andet scenarie, for at sammenligne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="372"/>
        <source>{name} (what-if)</source>
        <translation>{name} (hvad-nu-hvis)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="379"/>
        <source>{side}: {name} — no recommended portfolio: {reason}</source>
        <translation>{side}: {name} — ingen anbefalet portefølje: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="382"/>
        <source>{side}: {name} — recommended portfolio: total score {score} points, total cost {cost} ({unit}), objective: {objective}</source>
        <translation>{side}: {name} — anbefalet portefølje: samlet score {score} point, samlet udgift {cost} ({unit}), mål: {objective}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="391"/>
        <source>Rank changes: {n} of {total} initiatives change place, biggest movers first</source>
        <translation>Rangændringer: {n} af {total} tiltag skifter plads, største flytninger først</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="400"/>
        <location filename="../../app/ui/views/scenario_compare.py" line="404"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="400"/>
        <location filename="../../app/ui/views/scenario_compare.py" line="404"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="400"/>
        <source>Rank A → B</source>
        <translation>Rang A → B</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="401"/>
        <source>Moved</source>
        <translation>Flyttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="401"/>
        <source>Score A → B</source>
        <translation>Score A → B</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="404"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="405"/>
        <source>Cost ({unit})</source>
        <translation>Udgift ({unit})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="417"/>
        <source>Only in {side}&apos;s recommended portfolio ({name}): cannot be compared, {missing} has no recommended portfolio (see above).</source>
        <translation>Kun i {side}&apos;s anbefalede portefølje ({name}): kan ikke sammenlignes, {missing} har ingen anbefalet portefølje (se ovenfor).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="423"/>
        <source>Only in {side}&apos;s recommended portfolio ({name}): none</source>
        <translation>Kun i {side}&apos;s anbefalede portefølje ({name}): ingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="426"/>
        <source>Only in {side}&apos;s recommended portfolio ({name}): {n}</source>
        <translation>Kun i {side}&apos;s anbefalede portefølje ({name}): {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="430"/>
        <source>no cost lines</source>
        <translation>ingen udgiftslinjer</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="436"/>
        <source>Budget frames: neither scenario has any</source>
        <translation>Budgetrammer: ingen af scenarierne har nogen</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="438"/>
        <source>Budget frames ({unit}); difference = B − A</source>
        <translation>Budgetrammer ({unit}); forskel = B − A</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="443"/>
        <source>– : the scenario has no such frame, or no recommended portfolio to use it.</source>
        <translation>– : scenariet har ikke den ramme, eller ingen anbefalet portefølje, der bruger den.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="445"/>
        <source>Frame</source>
        <translation>Ramme</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="445"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="445"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="445"/>
        <source>Difference</source>
        <translation>Forskel</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="446"/>
        <source>Used by A</source>
        <translation>Brugt af A</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="446"/>
        <source>Used by B</source>
        <translation>Brugt af B</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="237"/>
        <source>Why does one rank above the other?</source>
        <translation>Hvorfor ligger det ene over det andet?</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="248"/>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="249"/>
        <source>B:</source>
        <translation>B:</translation>
    </message>
</context>
<context>
    <name>CriteriaTab</name>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="42"/>
        <source> (lower is better)</source>
        <translation> (lavere er bedre)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="45"/>
        <source>Numeric: {low}{unit} scores 0, {high}{unit} scores 100{direction}</source>
        <translation>Numerisk: {low}{unit} giver 0, {high}{unit} giver 100{direction}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="50"/>
        <source>Group of sub-criteria</source>
        <translation>Gruppe af underkriterier</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="50"/>
        <source>Five levels, 0 to 4{direction}</source>
        <translation>Fem niveauer, 0 til 4{direction}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="90"/>
        <source>Lower is better (e.g. risk)</source>
        <translation>Lavere er bedre (fx risiko)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="97"/>
        <source>Not a number</source>
        <translation>Ikke et tal</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="102"/>
        <source>0 at</source>
        <translation>0 ved</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="104"/>
        <source>100 at</source>
        <translation>100 ved</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="106"/>
        <source>unit</source>
        <translation>enhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="112"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="112"/>
        <source>Scoring guide</source>
        <translation>Scoringsvejledning</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="122"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="123"/>
        <source>Description:</source>
        <translation>Beskrivelse:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="124"/>
        <source>Scale:</source>
        <translation>Skala:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="126"/>
        <source>Anchors:</source>
        <translation>Ankre:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_criteria.py" line="128"/>
        <source>Scoring guide:</source>
        <translation>Scoringsvejledning:</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../app/ui/widgets/date_edit.py" line="26"/>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.åååå</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/date_edit.py" line="27"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/åååå</translation>
    </message>
</context>
<context>
    <name>DecisionsSlide</name>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="50"/>
        <source>Proposal (✓ recommended)</source>
        <translation>Forslag (✓ anbefalet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="60"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="75"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="80"/>
        <source>Record decision</source>
        <translation>Registrér beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="97"/>
        <source>Decisions</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="130"/>
        <source>Choose a proposal and a decision first.</source>
        <translation>Vælg først et forslag og en beslutning.</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="142"/>
        <source>The decision was not recorded.</source>
        <translation>Beslutningen blev ikke registreret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/decisions.py" line="144"/>
        <source>Recorded: {id} {outcome}.</source>
        <translation>Registreret: {id} {outcome}.</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="39"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="118"/>
        <source>Delete decision</source>
        <translation>Slet beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="41"/>
        <source>Record a decision</source>
        <translation>Registrér en beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="52"/>
        <source>Departs from the recommendation</source>
        <translation>Afviger fra anbefalingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="53"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="107"/>
        <source>Record decision</source>
        <translation>Registrér beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="55"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="70"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="56"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="70"/>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="57"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="70"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="58"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="70"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="59"/>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="72"/>
        <source>Conditions</source>
        <translation>Betingelser</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="78"/>
        <source>(departs from the recommendation)</source>
        <translation>(afviger fra anbefalingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/decisions_tab.py" line="95"/>
        <source>A decision needs a date.</source>
        <translation>En beslutning skal have en dato.</translation>
    </message>
</context>
<context>
    <name>DependenciesTab</name>
    <message>
        <location filename="../../app/ui/initiative/dependencies_tab.py" line="27"/>
        <source>Requires (must be chosen and finish first)</source>
        <translation>Forudsætter (skal vælges og være færdig først)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/dependencies_tab.py" line="31"/>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/dependencies_tab.py" line="32"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/dependencies_tab.py" line="40"/>
        <source>Required by</source>
        <translation>Forudsættes af</translation>
    </message>
</context>
<context>
    <name>DependencyPanel</name>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="42"/>
        <source>By order of execution</source>
        <translation>Efter rækkefølge</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="43"/>
        <source>By start date</source>
        <translation>Efter startdato</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="44"/>
        <source>Place initiatives:</source>
        <translation>Placér tiltag:</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="46"/>
        <source>Show all</source>
        <translation>Vis alt</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="47"/>
        <source>Open initiative</source>
        <translation>Åbn tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="159"/>
        <source>Click an initiative to open it here with what it needs and what depends on it; double-click opens it in the editor. Drag to pan, scroll to zoom.</source>
        <translation>Klik på et tiltag for at åbne det her med det, det forudsætter, og det, der afhænger af det; dobbeltklik åbner det i redigeringen. Træk for at panorere, rul for at zoome.</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/dependency_view.py" line="162"/>
        <source>{id}: the initiatives it needs and those that depend on it are highlighted.</source>
        <translation>{id}: de tiltag, det forudsætter, og dem, der afhænger af det, er fremhævet.</translation>
    </message>
</context>
<context>
    <name>DependencySlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="286"/>
        <source>Dependencies</source>
        <translation>Afhængigheder</translation>
    </message>
</context>
<context>
    <name>EditorTab</name>
    <message>
        <location filename="../../app/ui/initiative/base.py" line="68"/>
        <source>Not accepted</source>
        <translation>Ikke accepteret</translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="51"/>
        <source>New success criterion</source>
        <translation>Nyt succeskriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="59"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="104"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="60"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="104"/>
        <source>Unit</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="61"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="104"/>
        <source>Baseline</source>
        <translation>Nulpunktsmåling</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="63"/>
        <source>pessimistic</source>
        <translation>pessimistisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="63"/>
        <source>likely</source>
        <translation>forventet</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="64"/>
        <source>optimistic</source>
        <translation>optimistisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="68"/>
        <source>Target</source>
        <translation>Målværdi</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="69"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="105"/>
        <source>Target date</source>
        <translation>Måldato</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="70"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="107"/>
        <source>Benefit owner</source>
        <translation>Gevinstejer</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="71"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="171"/>
        <source>Add success criterion</source>
        <translation>Tilføj succeskriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="72"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="179"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="185"/>
        <source>Delete success criterion</source>
        <translation>Slet succeskriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="75"/>
        <source>Measurements of the chosen criterion</source>
        <translation>Målinger af det valgte kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="81"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="145"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="82"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="198"/>
        <source>Add measurement</source>
        <translation>Tilføj måling</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="83"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="206"/>
        <source>Delete measurement</source>
        <translation>Slet måling</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="105"/>
        <source>Target (pess. / likely / opt.)</source>
        <translation>Målværdi (pess. / forv. / opt.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="145"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="79"/>
        <location filename="../../app/ui/initiative/followup_tab.py" line="145"/>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="181"/>
        <source>“{name}” has {n} measurements; they are deleted too and cannot be restored by undo. Delete?</source>
        <translation>“{name}” har {n} målinger; de slettes også og kan ikke gendannes med Fortryd. Slet?</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/followup_tab.py" line="190"/>
        <source>Choose a success criterion first.</source>
        <translation>Vælg først et succeskriterium.</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <location filename="../../app/ui/charts/panels.py" line="162"/>
        <source>Success criterion:</source>
        <translation>Succeskriterium:</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panels.py" line="181"/>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/panels.py" line="183"/>
        <source>No success criteria are recorded yet. Add them to an initiative under Follow-up to see baseline, target band and measurements here.</source>
        <translation>Der er endnu ikke registreret succeskriterier. Tilføj dem på et tiltag under Opfølgning for at se nulpunktsmåling, målinterval og målinger her.</translation>
    </message>
</context>
<context>
    <name>FramesEditor</name>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="100"/>
        <source>One total frame</source>
        <extracomment>points on the value curve kr. per unit of the fields and sliders (1.000 kr.)</extracomment>
        <translation>Én samlet ramme</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="101"/>
        <source>A frame per budget year</source>
        <translation>En ramme pr. budgetår</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="102"/>
        <source>Per budget year, capital (anlæg) and operating (drift) apart</source>
        <translation>Pr. budgetår, anlæg og drift hver for sig</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="127"/>
        <source>Budget frames ({unit}):</source>
        <translation>Budgetrammer ({unit}):</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="163"/>
        <source>Used by the recommended portfolio</source>
        <translation>Brugt af den anbefalede portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="163"/>
        <source>Used by the recommended portfolio; ⚑ = binding: no other initiative fits (money may be left over)</source>
        <translation>Brugt af den anbefalede portefølje; ⚑ = bindende: ingen andre tiltag kan rummes (der kan være penge tilbage)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="179"/>
        <source>Used</source>
        <translation>Brugt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_frames.py" line="197"/>
        <source>Total, all years</source>
        <translation>I alt, alle år</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="45"/>
        <source>(not set)</source>
        <translation>(ikke angivet)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="48"/>
        <source>Mandatory</source>
        <translation>Obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="49"/>
        <source>Financed outside the frame</source>
        <translation>Finansieret uden for rammen</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="50"/>
        <source>Confidential (left out of public outputs)</source>
        <translation>Fortroligt (udelades af offentlige bilag)</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="56"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="57"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="58"/>
        <source>Lead unit</source>
        <translation>Ansvarlig forvaltning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="59"/>
        <source>Participating units</source>
        <translation>Deltagende enheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="62"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="63"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="64"/>
        <source>Audience</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="65"/>
        <source>Maturity level</source>
        <translation>Modenhedsniveau</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="70"/>
        <source>Start – end</source>
        <translation>Start – slut</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="71"/>
        <source>Financing</source>
        <translation>Finansiering</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="76"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/general_tab.py" line="117"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="47"/>
        <source>Law / executive order</source>
        <translation>Lov/bekendtgørelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="47"/>
        <source>Joint-public strategy</source>
        <translation>Fællesoffentlig strategi</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="48"/>
        <source>Joint-municipal / KOMBIT</source>
        <translation>Fælleskommunal/KOMBIT</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="48"/>
        <source>EU</source>
        <translation>EU</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="52"/>
        <source>Economy agreement</source>
        <translation>Økonomiaftale</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="90"/>
        <source>obliges</source>
        <translation>forpligter</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="193"/>
        <location filename="../../app/ui/views/weights_goals.py" line="196"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="193"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="193"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="194"/>
        <location filename="../../app/ui/views/weights_goals.py" line="198"/>
        <source>Initiatives</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="196"/>
        <source>Requirement</source>
        <translation>Krav</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="196"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="197"/>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="197"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="198"/>
        <source>Obliges local work</source>
        <translation>Forpligter lokalt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="217"/>
        <source>Not a date</source>
        <translation>Ikke en dato</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="221"/>
        <source>Strategic goals</source>
        <translation>Strategiske mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="223"/>
        <source>External requirements</source>
        <translation>Eksterne krav</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="238"/>
        <source>Add…</source>
        <translation>Tilføj…</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="238"/>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="264"/>
        <source>New strategic goal</source>
        <translation>Nyt strategisk mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="264"/>
        <source>Goal:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="270"/>
        <source>New external requirement</source>
        <translation>Nyt eksternt krav</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="270"/>
        <source>Requirement:</source>
        <translation>Krav:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="283"/>
        <source>Delete strategic goal</source>
        <translation>Slet strategisk mål</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/views/weights_goals.py" line="285"/>
        <location filename="../../app/ui/views/weights_goals.py" line="294"/>
        <source>Delete {code} {title}? Its links to %n initiative(s) go with it.</source>
        <translation>
            <numerusform>Slet {code} {title}? Koblingen til %n tiltag slettes med.</numerusform>
            <numerusform>Slet {code} {title}? Koblingerne til %n tiltag slettes med.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_goals.py" line="292"/>
        <source>Delete external requirement</source>
        <translation>Slet eksternt krav</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="77"/>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="77"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="77"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="77"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="78"/>
        <source>Old value</source>
        <translation>Gammel værdi</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="79"/>
        <source>New value</source>
        <translation>Ny værdi</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="80"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="101"/>
        <source>As stored:</source>
        <translation>Gemt som:</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="106"/>
        <source>created</source>
        <translation>oprettede</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="106"/>
        <source>changed</source>
        <translation>ændrede</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="107"/>
        <source>deleted</source>
        <translation>slettede</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="107"/>
        <source>event</source>
        <translation>hændelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="124"/>
        <source>initiative</source>
        <translation>tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="125"/>
        <source>business case line</source>
        <translation>business case-linje</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="126"/>
        <source>assessment</source>
        <translation>vurdering</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="127"/>
        <source>dependency</source>
        <translation>afhængighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="128"/>
        <source>decision</source>
        <translation>beslutning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="129"/>
        <source>field note</source>
        <translation>feltnote</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="130"/>
        <source>success criterion</source>
        <translation>succeskriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="131"/>
        <source>measurement</source>
        <translation>måling</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="132"/>
        <source>criterion</source>
        <translation>kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="133"/>
        <source>scoring guide level</source>
        <translation>niveau i scoringsvejledningen</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="134"/>
        <source>weight</source>
        <translation>vægt</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="135"/>
        <source>weight set</source>
        <translation>vægtsæt</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="136"/>
        <source>pairwise comparison</source>
        <translation>parvis sammenligning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="137"/>
        <source>organisational unit</source>
        <translation>organisatorisk enhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="138"/>
        <source>strategic goal</source>
        <translation>strategisk mål</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="139"/>
        <source>external requirement</source>
        <translation>eksternt krav</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="140"/>
        <source>scenario</source>
        <translation>scenarie</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="141"/>
        <source>budget frame</source>
        <translation>budgetramme</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="142"/>
        <source>forced choice</source>
        <translation>tvunget valg</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="143"/>
        <source>exclusion group</source>
        <translation>udelukkelsesgruppe</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="144"/>
        <source>exclusion group member</source>
        <translation>medlem af udelukkelsesgruppe</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="145"/>
        <source>portfolio settings</source>
        <translation>porteføljens indstillinger</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/history_tab.py" line="146"/>
        <source>portfolio</source>
        <translation>portefølje</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="74"/>
        <source>Import spreadsheet</source>
        <translation>Importér regneark</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="88"/>
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="105"/>
        <source>Import refused</source>
        <translation>Importen blev afvist</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="111"/>
        <source>Import finished</source>
        <translation>Importen er gennemført</translation>
    </message>
</context>
<context>
    <name>InitiativeCard</name>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="49"/>
        <source>Open in editor</source>
        <extracomment>labels of bars are drawn up to this many bars (beyond that: tooltips only)</extracomment>
        <translation>Åbn i redigering</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="56"/>
        <source>Close and clear the selection</source>
        <translation>Luk og ryd markeringen</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="82"/>
        <source>No lead unit</source>
        <translation>Ingen ansvarlig enhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="85"/>
        <source>{start} to {end}</source>
        <translation>{start} til {end}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="87"/>
        <source>cost {amount}</source>
        <translation>udgift {amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="89"/>
        <source>mandatory</source>
        <translation>obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="96"/>
        <source>Needs: {items}</source>
        <translation>Forudsætter: {items}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="98"/>
        <source>Needed by: {items}</source>
        <translation>Forudsætning for: {items}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="103"/>
        <source>Starts {start}, before {id} ends ({end})</source>
        <translation>Starter {start}, før {id} slutter ({end})</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="107"/>
        <source>Ends {end}, after {id} starts ({start})</source>
        <translation>Slutter {end}, efter at {id} starter ({start})</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="111"/>
        <source>On a dependency cycle</source>
        <translation>Indgår i en cirkulær afhængighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="121"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="125"/>
        <source>and {n} more</source>
        <translation>og {n} flere</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/initiative_card.py" line="127"/>
        <source>({n} in the whole chain)</source>
        <translation>({n} i hele kæden)</translation>
    </message>
</context>
<context>
    <name>InitiativeView</name>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="53"/>
        <source>The portfolio has no initiatives yet. Add one in the portfolio table or import a spreadsheet.</source>
        <translation>Porteføljen har endnu ingen tiltag. Tilføj et i porteføljetabellen, eller importér et regneark.</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="67"/>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="67"/>
        <source>Roles and strategy</source>
        <translation>Roller og strategi</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="67"/>
        <source>Assessment</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="68"/>
        <source>Business case</source>
        <translation>Business case</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="68"/>
        <source>Dependencies</source>
        <translation>Afhængigheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="68"/>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="69"/>
        <source>Decisions</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="69"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="72"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
</context>
<context>
    <name>KeyFiguresSlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="86"/>
        <source>Key figures</source>
        <extracomment>characters of a note kept on the budget slide (two or three lines at 1280×720)</extracomment>
        <translation>Nøgletal</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="127"/>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>Read-only: {reason}. Nothing can be changed.</source>
        <translation>Skrivebeskyttet: {reason}. Intet kan ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>opened read-only</source>
        <translation>åbnet skrivebeskyttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>[read-only]</source>
        <translation>[skrivebeskyttet]</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="254"/>
        <source>%n initiative(s)</source>
        <translation>
            <numerusform>%n tiltag</numerusform>
            <numerusform>%n tiltag</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="255"/>
        <source>Budget year {year}</source>
        <translation>Budgetår {year}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="258"/>
        <source>What-if: {name}</source>
        <translation>Hvad-nu-hvis: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="262"/>
        <source>Scenario: {name}</source>
        <translation>Scenarie: {name}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="243"/>
        <source>Map the columns</source>
        <translation>Angiv kolonnerne</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="245"/>
        <source>Choose the field each column fills; unmapped columns are ignored. The first rows of the file are shown below.</source>
        <translation>Vælg, hvilket felt hver kolonne udfylder; kolonner uden felt ignoreres. Filens første rækker vises nedenfor.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="249"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="249"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="249"/>
        <source>Multiplier</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="249"/>
        <source>Sample values</source>
        <translation>Eksempler</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="257"/>
        <source>Detect (ambiguous values are reported)</source>
        <translation>Find selv (tvetydige værdier meldes)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="258"/>
        <source>Comma: 1.234,56</source>
        <translation>Komma: 1.234,56</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="259"/>
        <source>Point: 1,234.56</source>
        <translation>Punktum: 1,234.56</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="261"/>
        <source>e.g. %d.%m.%Y (ISO and Excel dates are always read)</source>
        <translation>fx %d.%m.%Y (ISO- og Excel-datoer læses altid)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="264"/>
        <source>the portfolio&apos;s</source>
        <translation>porteføljens</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="266"/>
        <source>Texts that mean “missing”, separated by ; (* = anything)</source>
        <translation>Tekster, der betyder “mangler”, adskilt med ; (* = hvad som helst)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="268"/>
        <source>Decimal mark:</source>
        <translation>Decimaltegn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="269"/>
        <source>Date format:</source>
        <translation>Datoformat:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="270"/>
        <source>Currency:</source>
        <translation>Valuta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="271"/>
        <source>Missing values:</source>
        <translation>Manglende værdier:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="275"/>
        <source>First rows:</source>
        <translation>Første rækker:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="281"/>
        <source>— not imported —</source>
        <translation>— importeres ikke —</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="281"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="281"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="282"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="282"/>
        <source>Lead unit</source>
        <translation>Ansvarlig enhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="283"/>
        <source>Participating units</source>
        <translation>Deltagende enheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="283"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="284"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="284"/>
        <source>Audience</source>
        <translation>Målgruppe</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="285"/>
        <source>Maturity level</source>
        <translation>Modenhedsniveau</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="285"/>
        <source>Project owner</source>
        <translation>Projektejer</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="286"/>
        <source>Project manager</source>
        <translation>Projektleder</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="286"/>
        <source>Start date</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="287"/>
        <source>End date</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="287"/>
        <source>Total cost</source>
        <translation>Samlet udgift</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="288"/>
        <source>Total benefit</source>
        <translation>Samlet gevinst</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="288"/>
        <source>Financing</source>
        <translation>Finansiering</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="289"/>
        <source>Mandatory</source>
        <translation>Obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="289"/>
        <source>Outside the frame</source>
        <translation>Uden for rammen</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="290"/>
        <source>Confidential</source>
        <translation>Fortrolig</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="290"/>
        <source>Requires (ids)</source>
        <translation>Forudsætter (id)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="291"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="291"/>
        <source>Notes on withheld values</source>
        <translation>Noter om tilbageholdte værdier</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="296"/>
        <source>Score: {criterion}</source>
        <translation>Score: {criterion}</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="298"/>
        <source>Cost {year}</source>
        <translation>Udgift {year}</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="300"/>
        <source>Benefit {year}</source>
        <translation>Gevinst {year}</translation>
    </message>
</context>
<context>
    <name>PairwiseTab</name>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="45"/>
        <source>equal importance</source>
        <extracomment>Saaty&apos;s verbal scale (Saaty 1980, table 1.1) for the editor&apos;s tooltips</extracomment>
        <translation>lige vigtige</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="45"/>
        <source>moderately more important</source>
        <translation>moderat vigtigere</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="46"/>
        <source>strongly more important</source>
        <translation>klart vigtigere</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="46"/>
        <source>very strongly more important</source>
        <translation>meget klart vigtigere</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="47"/>
        <source>extremely more important</source>
        <translation>ekstremt vigtigere</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="47"/>
        <source>between the neighbouring values</source>
        <translation>mellem nabotrinnene</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="48"/>
        <source>the other is {meaning}</source>
        <translation>det andet er {meaning}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="82"/>
        <source>Compare:</source>
        <translation>Sammenlign:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="98"/>
        <source>Each cell says how much more important the row&apos;s criterion is than the column&apos;s (1 equal … 9 extremely more important; 1/3 means the column&apos;s is moderately more important). The opposite cell is filled in.</source>
        <translation>Hver celle angiver, hvor meget vigtigere rækkens kriterium er end søjlens (1 lige vigtige … 9 ekstremt vigtigere; 1/3 betyder, at søjlens er moderat vigtigere). Den modsatte celle udfyldes automatisk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="103"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="103"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="103"/>
        <source>Proposed</source>
        <translation>Foreslået</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="119"/>
        <source>Use these weights</source>
        <translation>Brug disse vægte</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="147"/>
        <source>The top level</source>
        <translation>Det øverste niveau</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="149"/>
        <source>Under {name}</source>
        <translation>Under {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="179"/>
        <source>At least two criteria are needed to compare.</source>
        <translation>Der skal mindst to kriterier til en sammenligning.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="194"/>
        <source>Consistent: CR = {cr} (at most 0,10)</source>
        <translation>Konsistent: CR = {cr} (højst 0,10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="197"/>
        <source>Not consistent: CR = {cr} (above 0,10)</source>
        <translation>Ikke konsistent: CR = {cr} (over 0,10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="199"/>
        <source>λmax = {lam}, CI = {ci}, n = {n}</source>
        <translation>λmax = {lam}, CI = {ci}, n = {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="206"/>
        <source>Most inconsistent judgement: {row} against {col} is {current}; {suggested} would lower CR to {after}.</source>
        <translation>Mest inkonsistente vurdering: {row} mod {col} er {current}; {suggested} ville sænke CR til {after}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_pairwise.py" line="227"/>
        <source>Judgement {row} : {col} = {value}</source>
        <translation>Vurdering {row} : {col} = {value}</translation>
    </message>
</context>
<context>
    <name>PresentationDeck</name>
    <message>
        <location filename="../../app/ui/presentation/deck.py" line="140"/>
        <source>What-if: {name}</source>
        <extracomment>keys a text field or a list keeps for itself (the clicker&apos;s PageUp/PageDown never)</extracomment>
        <translation>Hvad-nu-hvis: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/deck.py" line="146"/>
        <source>{municipality} · scenario {scenario} · PgDn/PgUp: slides · W: what-if · Esc: leave</source>
        <translation>{municipality} · scenarie {scenario} · PgDn/PgUp: dias · W: hvad-nu-hvis · Esc: afslut</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/deck.py" line="210"/>
        <source>The portfolio is open read-only.</source>
        <translation>Porteføljen er åbnet skrivebeskyttet.</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../app/ui/presentation/window.py" line="32"/>
        <source>Presentation</source>
        <translation>Præsentation</translation>
    </message>
</context>
<context>
    <name>RankingCompare</name>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="96"/>
        <source>{first} is mandatory, and mandatory initiatives rank first.</source>
        <extracomment>Paul Tol&apos;s &quot;muted&quot; qualitative scheme (colour-blind safe; https://personal.sron.nl/~pault/), kept apart from the Okabe–Ito colours the charts use for forvaltninger so that a criterion is never mistaken for a unit. Model role carrying ``tuple[float, ...]`` contributions in criterion order.</extracomment>
        <translation>{first} er obligatorisk, og obligatoriske tiltag rangeres først.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="97"/>
        <source>On score alone:</source>
        <translation>Alene på score:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="108"/>
        <source>{first} gives more value for money ({a} against {b} points per m {unit}).</source>
        <translation>{first} giver mere værdi for pengene ({a} mod {b} point pr. mio. {unit}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="111"/>
        <source>{first} costs less.</source>
        <translation>{first} koster mindre.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="112"/>
        <source>{first} comes first by id.</source>
        <translation>{first} kommer først efter id.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="119"/>
        <source>{a} and {b} have the same total score; the tie rule decides.</source>
        <translation>{a} og {b} har samme samlede score; reglen for lige stillinger afgør det.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="129"/>
        <source>{ahead} scores {points} points more than {behind}, mostly on {pro}.</source>
        <translation>{ahead} scorer {points} point mere end {behind}, især på {pro}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="132"/>
        <source>{behind} is ahead on {con}.</source>
        <translation>{behind} ligger foran på {con}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="165"/>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="194"/>
        <source>No agreed score: contributes 0</source>
        <translation>Ingen aftalt score: bidrager med 0</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="194"/>
        <source>Score {score} of 100 on the criterion&apos;s scale × weight</source>
        <translation>Score {score} af 100 på kriteriets skala × vægt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="201"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="201"/>
        <source>Weight</source>
        <translation>Vægt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_compare.py" line="202"/>
        <source>Difference</source>
        <translation>Forskel</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="121"/>
        <source>Mandatory: ranks first and is in every selection</source>
        <extracomment>random weight draws behind the rank intervals (seeded: the same every time) above this many initiatives no rank intervals are computed while the user waits (their rank counts take n × n memory: 2,000 initiatives = 16 MB, 10,000 would be 400 MB) up to this many initiatives the intervals are computed at once (≈ 0.4 s); above, the view shows the ranking first and fills the intervals in from a worker thread Symbols marking mandatory and incomplete initiatives (never colour alone).</extracomment>
        <translation>Obligatorisk: rangeres først og er med i enhver udvælgelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="124"/>
        <source>Incomplete: agreed scores on {n} of {m} criteria; a missing score counts 0</source>
        <translation>Ufuldstændig: aftalt score på {n} af {m} kriterier; en manglende score tæller 0</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="191"/>
        <location filename="../../app/ui/views/ranking_model.py" line="214"/>
        <source>Rank between the 5th and 95th percentile when all weights are perturbed at random</source>
        <translation>Placering mellem 5. og 95. percentil, når alle vægte varieres tilfældigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="192"/>
        <location filename="../../app/ui/views/ranking_model.py" line="212"/>
        <source>Score points per 1 m {unit} of cost</source>
        <translation>Scorepoint pr. 1 mio. {unit} i omkostning</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="200"/>
        <source>Rank</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="200"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="200"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="201"/>
        <source>Contributions</source>
        <translation>Bidrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="201"/>
        <source>Score
0–100</source>
        <translation>Score
0–100</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="202"/>
        <source>Value per
m {unit}</source>
        <translation>Værdi pr.
mio. {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="202"/>
        <source>Cost
1,000 {unit}</source>
        <translation>Udgift
1.000 {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="210"/>
        <source>Total cash cost, all years, in 1,000 {unit}</source>
        <translation>Samlede kontante omkostninger, alle år, i 1.000 {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="203"/>
        <source>Rank
5–95 %</source>
        <translation>Placering
5–95 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="208"/>
        <source>Total score, 0–100 = Σ weight × score</source>
        <translation>Samlet score, 0–100 = Σ vægt × score</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_model.py" line="209"/>
        <source>⚑ mandatory, ◔ incomplete assessment</source>
        <translation>⚑ obligatorisk, ◔ ufuldstændig vurdering</translation>
    </message>
</context>
<context>
    <name>RankingSlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="113"/>
        <source>Ranking</source>
        <translation>Rangordning</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="148"/>
        <source>Comparison</source>
        <extracomment>the kinds of change after which the ranking is recomputed</extracomment>
        <translation>Sammenligning</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="149"/>
        <source>Sensitivity</source>
        <translation>Følsomhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="152"/>
        <source>How far each weight can move before the top k or the recommended portfolio changes</source>
        <translation>Hvor meget hver vægt kan ændres, før top k eller den anbefalede portefølje ændres</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="192"/>
        <source>draft</source>
        <translation>kladde</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="192"/>
        <source>adopted</source>
        <translation>vedtaget</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="193"/>
        <source>what-if</source>
        <translation>hvad-nu-hvis</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="194"/>
        <source>Ranking — {scenario}</source>
        <translation>Rangering — {scenario}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="196"/>
        <source>WHAT-IF</source>
        <translation>HVAD-NU-HVIS</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="201"/>
        <source>mandatory</source>
        <translation>obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="202"/>
        <source>incomplete assessment</source>
        <translation>ufuldstændig vurdering</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="205"/>
        <source>Weights: {name} ({status})</source>
        <translation>Vægte: {name} ({status})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="212"/>
        <location filename="../../app/ui/views/ranking.py" line="257"/>
        <source>Rank intervals from {n} random weight draws (seeded).</source>
        <translation>Placeringsintervaller fra {n} tilfældige vægtsæt (fast startværdi).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="215"/>
        <source>Weights: {name} ({status}).</source>
        <translation>Vægte: {name} ({status}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="218"/>
        <source>Score 0–100 = Σ weight × score; value for money = score points per 1 m {unit}; ties: mandatory first, then score, value for money, lower cost, id.</source>
        <translation>Score 0–100 = Σ vægt × score; værdi for pengene = scorepoint pr. 1 mio. {unit}; lige stillinger: obligatoriske først, derefter score, værdi for pengene, lavere omkostning, id.</translation>
    </message>
</context>
<context>
    <name>RecommendationSlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="160"/>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="165"/>
        <source>No recommendation</source>
        <translation>Ingen anbefaling</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="169"/>
        <source>{n} initiatives, {cost} within the frame</source>
        <translation>{n} tiltag, {cost} inden for rammen</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="172"/>
        <source>+ {cost} mandatory, financed outside the frame</source>
        <translation>+ {cost} obligatoriske, finansieret uden for rammen</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="176"/>
        <source>+ {cost} in years or types without a frame</source>
        <translation>+ {cost} i år eller typer uden ramme</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="182"/>
        <source>● mandatory</source>
        <translation>● obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="184"/>
        <source>… and {n} more</source>
        <translation>… og {n} mere</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="189"/>
        <source>Value curve</source>
        <translation>Værdikurve</translation>
    </message>
</context>
<context>
    <name>RoadmapSlide</name>
    <message>
        <location filename="../../app/ui/presentation/slides.py" line="314"/>
        <source>Roadmap</source>
        <translation>Køreplan</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="18"/>
        <source>Project owner</source>
        <translation>Projektejer</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="19"/>
        <source>Project manager</source>
        <translation>Projektleder</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="20"/>
        <source>Benefit owner</source>
        <translation>Gevinstejer</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="22"/>
        <source>System owner</source>
        <translation>Systemejer</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="22"/>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="31"/>
        <source>Strategic goals supported</source>
        <translation>Strategiske mål, tiltaget understøtter</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="34"/>
        <source>External requirements met</source>
        <translation>Eksterne krav, tiltaget opfylder</translation>
    </message>
    <message>
        <location filename="../../app/ui/initiative/roles_tab.py" line="50"/>
        <source>obliges local work</source>
        <translation>pålægger lokalt arbejde</translation>
    </message>
</context>
<context>
    <name>SelectionModel</name>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="49"/>
        <source>Recommended</source>
        <extracomment>not selectable under yearly frames: it has cost lines, but without a budget year statuses fixed before solving (the result does not change them) symbols for the statuses (text goes with them; never colour alone) the forced column shows a symbol (its tooltip and the editor say it in words)</extracomment>
        <translation>Anbefalet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="50"/>
        <source>Always in</source>
        <translation>Altid med</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="51"/>
        <source>Mandatory</source>
        <translation>Obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="52"/>
        <source>Not chosen</source>
        <translation>Ikke valgt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="53"/>
        <source>No cost</source>
        <translation>Ingen udgift</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="54"/>
        <source>No year</source>
        <translation>Intet år</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="55"/>
        <source>Blocked</source>
        <translation>Blokeret</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="61"/>
        <source>Chosen by the optimisation within the frames</source>
        <translation>Valgt af optimeringen inden for rammerne</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="63"/>
        <source>Committed (approved or under way), forced in, or required by something that is: always in, and it uses the frames</source>
        <translation>Besluttet (godkendt eller i gang), tvunget med eller en forudsætning for noget, der er: altid med, og det bruger af rammerne</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="64"/>
        <source>Mandatory: in every selection</source>
        <translation>Obligatorisk: med i enhver udvælgelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="65"/>
        <source>Not in the recommended portfolio under these frames</source>
        <translation>Ikke med i den anbefalede portefølje med disse rammer</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="67"/>
        <source>Has no cost lines (for these frames), so it cannot be weighed against the budget unless forced in</source>
        <translation>Har ingen udgiftslinjer (for disse rammer) og kan derfor ikke vejes mod budgettet, medmindre det tvinges med</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="70"/>
        <source>Its cost lines have no budget year, so the yearly frames cannot weigh it; give them a year, or use one total frame</source>
        <translation>Dets udgiftslinjer har intet budgetår, så de årlige rammer ikke kan rumme det; giv linjerne et år, eller brug én samlet ramme</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="71"/>
        <source>Requires an initiative that is rejected</source>
        <translation>Forudsætter et tiltag, der er afvist</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="77"/>
        <source>Forced in</source>
        <translation>Tvunget med</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="81"/>
        <source>Forced out</source>
        <translation>Tvunget ud</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="213"/>
        <source>Double-click or right-click to force in or out</source>
        <translation>Dobbeltklik eller højreklik for at tvinge med eller ud</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="232"/>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="232"/>
        <source>Forced</source>
        <translation>Tvang</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="233"/>
        <source>Rank</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="233"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="234"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="235"/>
        <source>Cost
1,000 {unit}</source>
        <translation>Udgift
1.000 {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="236"/>
        <source>Score
0–100</source>
        <translation>Score
0–100</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="237"/>
        <source>Greedy</source>
        <translation>Grådig</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_model.py" line="241"/>
        <source>Taken by the greedy cut-off down the ranking (for comparison)</source>
        <translation>Med ved grådig afskæring ned ad rangeringen (til sammenligning)</translation>
    </message>
</context>
<context>
    <name>SelectionSummary</name>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="18"/>
        <source>Capacity {year} (årsværk)</source>
        <translation>Kapacitet {year} (årsværk)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="25"/>
        <source>anlæg</source>
        <translation>anlæg</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="27"/>
        <source>drift</source>
        <translation>drift</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="30"/>
        <source>the total frame</source>
        <translation>den samlede ramme</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="43"/>
        <source>optimal</source>
        <translation>optimal</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="44"/>
        <source>not proven optimal</source>
        <translation>ikke bevist optimal</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="46"/>
        <source>Recommended portfolio: {n} initiatives, total score {score}</source>
        <translation>Anbefalet portefølje: {n} tiltag, samlet score {score}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="55"/>
        <source>Objective: net present value, {value}</source>
        <translation>Mål: nettonutidsværdi, {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="59"/>
        <source>Binding (no other initiative fits): {names}</source>
        <translation>Bindende (ingen andre tiltag kan rummes): {names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="62"/>
        <source>No frame binds: everything that adds value fits.</source>
        <translation>Ingen ramme binder: alt, der tilfører værdi, kan være der.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="64"/>
        <source>score points</source>
        <translation>scorepoint</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="65"/>
        <source>Price of mandatory: {price}</source>
        <translation>Prisen for det obligatoriske: {price}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="72"/>
        <source>Greedy cut-off down the ranking: {n} initiatives, {value} ({gap} less than the optimum)</source>
        <translation>Grådig afskæring ned ad rangeringen: {n} tiltag, {value} ({gap} mindre end optimum)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="80"/>
        <source>Not selectable (no cost lines): 1 initiative ({ids})</source>
        <translation>Kan ikke vælges (ingen udgiftslinjer): 1 tiltag ({ids})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="84"/>
        <source>Not selectable (no cost lines): {n} initiatives ({ids})</source>
        <translation>Kan ikke vælges (ingen udgiftslinjer): {n} tiltag ({ids})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="89"/>
        <source>Not selectable under yearly frames (cost lines without a budget year): 1 initiative ({ids})</source>
        <translation>Kan ikke vælges under årlige rammer (udgiftslinjer uden budgetår): 1 tiltag ({ids})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="93"/>
        <source>Not selectable under yearly frames (cost lines without a budget year): {n} initiatives ({ids})</source>
        <translation>Kan ikke vælges under årlige rammer (udgiftslinjer uden budgetår): {n} tiltag ({ids})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="103"/>
        <source>NNV counts years without business-case lines as 0 for {k} of the {n} recommended (e.g. {id}: lines to {data}, horizon to {last})</source>
        <translation>NNV tæller år uden business case-linjer som 0 for {k} af de {n} anbefalede (fx {id}: linjer til {data}, horisont til {last})</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="122"/>
        <source>1 of {n} initiatives has no net present value (no business-case lines with a budget year) and counts as 0: {ids}</source>
        <translation>1 af {n} tiltag har ingen nettonutidsværdi (ingen business case-linjer med budgetår) og tæller som 0: {ids}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection_summary.py" line="126"/>
        <source>{k} of {n} initiatives have no net present value (no business-case lines with a budget year) and count as 0: {ids}</source>
        <translation>{k} af {n} tiltag har ingen nettonutidsværdi (ingen business case-linjer med budgetår) og tæller som 0: {ids}</translation>
    </message>
</context>
<context>
    <name>SelectionView</name>
    <message>
        <location filename="../../app/ui/views/selection.py" line="83"/>
        <source>WHAT-IF</source>
        <translation>HVAD-NU-HVIS</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="87"/>
        <source>Maximise total score</source>
        <translation>Maksimér samlet score</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="88"/>
        <source>Maximise net present value (NNV)</source>
        <translation>Maksimér nettonutidsværdi (NNV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="93"/>
        <source>Not a number</source>
        <translation>Ikke et tal</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="164"/>
        <source>Recommendation — {scenario}</source>
        <translation>Anbefaling — {scenario}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="180"/>
        <source>No budget frame: choose how the budget is framed above and type the amount; the recommended portfolio follows at once.</source>
        <translation>Ingen budgetramme: vælg rammetype ovenfor og skriv beløbet; den anbefalede portefølje følger med det samme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="213"/>
        <source>the one initiative that can be chosen has no business-case lines with a budget year, so its net present value (NNV) cannot be computed. Choose “Maximise total score” above, or add cost and benefit lines per budget year to its business case.</source>
        <translation>det ene tiltag, der kan vælges, har ingen business case-linjer med budgetår, så dets nettonutidsværdi (NNV) ikke kan beregnes. Vælg “Maksimér samlet score” ovenfor, eller tilføj udgifts- og gevinstlinjer pr. budgetår i dets business case.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="219"/>
        <source>none of the {n} initiatives that can be chosen has business-case lines with a budget year, so their net present value (NNV) cannot be computed. Choose “Maximise total score” above, or add cost and benefit lines per budget year to their business cases.</source>
        <translation>ingen af de {n} tiltag, der kan vælges, har business case-linjer med budgetår, så deres nettonutidsværdi (NNV) ikke kan beregnes. Vælg “Maksimér samlet score” ovenfor, eller tilføj udgifts- og gevinstlinjer pr. budgetår i tiltagenes business cases.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="290"/>
        <source>No recommendation: {reason}</source>
        <translation>Ingen anbefaling: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="303"/>
        <source>Budget frames of {scenario}</source>
        <translation>Budgetrammer for {scenario}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="316"/>
        <source>Objective of {scenario}</source>
        <translation>Mål for {scenario}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="326"/>
        <source>{id}: {what}</source>
        <translation>{id}: {what}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="327"/>
        <source>released</source>
        <translation>frigivet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="340"/>
        <source>Not forced</source>
        <translation>Ikke tvunget</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="346"/>
        <source>Open initiative</source>
        <translation>Åbn tiltag</translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="77"/>
        <source>no margin</source>
        <translation>ingen margin</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="91"/>
        <source>How far can each weight move before the result changes?</source>
        <translation>Hvor meget kan hver vægt ændres, før resultatet ændres?</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="99"/>
        <source>Top </source>
        <translation>Top </translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="100"/>
        <source>How many of the first places must stay as they are</source>
        <translation>Hvor mange af de første pladser der skal forblive uændrede</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="151"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="151"/>
        <source>Weight</source>
        <translation>Vægt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="152"/>
        <source>Top {k} unchanged</source>
        <translation>Top {k} uændret</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="152"/>
        <source>Portfolio unchanged</source>
        <translation>Portefølje uændret</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="221"/>
        <source>Computing…</source>
        <translation>Beregner …</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="225"/>
        <source>The other weights are scaled in proportion; “no margin”: any change alters the result (initiatives with equal scores).</source>
        <translation>De øvrige vægte skaleres forholdsmæssigt; “ingen margin”: enhver ændring ændrer resultatet (tiltag med samme score).</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="227"/>
        <source>The scenario has no budget frame, so there is no recommended portfolio to test.</source>
        <translation>Scenariet har ingen budgetramme, så der er ingen anbefalet portefølje at afprøve.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="230"/>
        <source>The scenario selects by net present value, which the weights do not change.</source>
        <translation>Scenariet vælger efter nettonutidsværdi, som vægtene ikke ændrer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking_sensitivity.py" line="233"/>
        <source>The recommended portfolio&apos;s intervals cannot be computed because the selection is infeasible: {message}</source>
        <translation>Den anbefalede porteføljes intervaller kan ikke beregnes, fordi ingen udvælgelse overholder rammerne: {message}</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="121"/>
        <location filename="../../app/ui/import_wizard.py" line="158"/>
        <source>Choose the spreadsheet</source>
        <translation>Vælg regnearket</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="123"/>
        <source>CSV or Excel (XLSX). A filled project-proposal template or a file exported by Prioritise needs no column mapping.</source>
        <translation>CSV eller Excel (XLSX). En udfyldt skabelon til projektforslag eller en fil eksporteret fra Prioritise kræver ingen kolonneopsætning.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="126"/>
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="134"/>
        <source>No saved mapping loaded</source>
        <translation>Ingen gemt kolonneopsætning indlæst</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="135"/>
        <source>Load a saved mapping…</source>
        <translation>Indlæs en gemt kolonneopsætning…</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="143"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="144"/>
        <source>Sheet:</source>
        <translation>Ark:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="145"/>
        <source>Header row:</source>
        <translation>Overskriftsrække:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="146"/>
        <source>Mapping:</source>
        <translation>Kolonneopsætning:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="158"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>Regneark (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="163"/>
        <source>Load a saved mapping</source>
        <translation>Indlæs en gemt kolonneopsætning</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="164"/>
        <source>Mappings (*.json)</source>
        <translation>Kolonneopsætninger (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="172"/>
        <source>The mapping cannot be used</source>
        <translation>Kolonneopsætningen kan ikke bruges</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../app/ui/start_page.py" line="33"/>
        <source>Prioritise</source>
        <translation>Prioritise</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_page.py" line="37"/>
        <source>Keep the portfolio of digitalisation initiatives, assess them, and recommend the best portfolio within the budget frames.</source>
        <translation>Hold styr på porteføljen af digitaliseringstiltag, vurdér dem, og anbefal den bedste portefølje inden for budgetrammerne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_page.py" line="42"/>
        <source>New portfolio…</source>
        <extracomment>the version of the stored settings this code writes</extracomment>
        <translation>Ny portefølje …</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_page.py" line="43"/>
        <source>Open portfolio…</source>
        <translation>Åbn portefølje …</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_page.py" line="44"/>
        <source>Open shared (PostgreSQL)…</source>
        <translation>Åbn delt (PostgreSQL) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_page.py" line="45"/>
        <source>Open the demo (Eksempel Kommune)</source>
        <translation>Åbn eksemplet (Eksempel Kommune)</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_page.py" line="54"/>
        <source>Recent portfolios</source>
        <extracomment>upgrade steps: from version N to N+1</extracomment>
        <translation>Seneste porteføljer</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <location filename="../../app/ui/views/table.py" line="57"/>
        <source>Search id, title, description, unit, owner…</source>
        <translation>Søg i id, titel, beskrivelse, enhed, ejer …</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="60"/>
        <source>All phases</source>
        <translation>Alle faser</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="61"/>
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="62"/>
        <source>All audiences</source>
        <translation>Alle målgrupper</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="63"/>
        <source>Mandatory or not</source>
        <translation>Obligatorisk eller ej</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="64"/>
        <source>Mandatory</source>
        <translation>Obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="64"/>
        <source>Not mandatory</source>
        <translation>Ikke obligatorisk</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="65"/>
        <source>Confidential or not</source>
        <translation>Fortroligt eller ej</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="66"/>
        <source>Confidential</source>
        <translation>Fortroligt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="67"/>
        <source>Not confidential</source>
        <translation>Ikke fortroligt</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="68"/>
        <source>Assessed or not</source>
        <translation>Vurderet eller ej</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="69"/>
        <source>Fully assessed</source>
        <translation>Fuldt vurderet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="70"/>
        <source>Assessment incomplete</source>
        <translation>Vurdering mangler</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="71"/>
        <source>New initiative…</source>
        <translation>Nyt tiltag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="74"/>
        <source>Delete…</source>
        <translation>Slet …</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="131"/>
        <source>All units</source>
        <translation>Alle enheder</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="193"/>
        <source>Showing {shown} of {total}</source>
        <translation>Viser {shown} af {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="202"/>
        <source>New initiative</source>
        <translation>Nyt tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="202"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="221"/>
        <source>Delete initiative</source>
        <translation>Slet tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="223"/>
        <source>Delete {id} “{title}” with its business case, assessments, dependencies and decisions? Undo (Ctrl+Z) brings it back.</source>
        <translation>Slet {id} “{title}” med business case, vurderinger, afhængigheder og beslutninger? Fortryd (Ctrl+Z) henter det tilbage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="225"/>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="225"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../app/ui/initiative/view.py" line="144"/>
        <source>Initiative</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/ranking.py" line="329"/>
        <source>Ranking</source>
        <translation>Rangering</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/table.py" line="261"/>
        <source>Portfolio</source>
        <translation>Portefølje</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights.py" line="90"/>
        <source>Strategy and weights</source>
        <translation>Strategi og vægte</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/selection.py" line="358"/>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/budget.py" line="249"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/audit.py" line="69"/>
        <source>Audit log</source>
        <translation>Revisionsspor</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/registry.py" line="249"/>
        <source>unknown view &apos;{key}&apos;; known views: {known}</source>
        <translation>ukendt visning &apos;{key}&apos;; kendte visninger: {known}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/scenario_compare.py" line="491"/>
        <source>Compare scenarios</source>
        <translation>Sammenlign scenarier</translation>
    </message>
</context>
<context>
    <name>WeightSetsTab</name>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="182"/>
        <source>Adopt…</source>
        <translation>Vedtag…</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="184"/>
        <source>New draft for next year</source>
        <translation>Ny kladde til næste år</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="192"/>
        <source>Not a number</source>
        <translation>Ikke et tal</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="205"/>
        <source>Weights:</source>
        <translation>Vægte:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="229"/>
        <source>The portfolio has no weights yet.</source>
        <translation>Porteføljen har endnu ingen vægte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="233"/>
        <source>Adopted and locked. A change here makes a named what-if scenario, which is logged; the adopted weights stay as they are.</source>
        <translation>Vedtaget og låst. En ændring her opretter et navngivet hvad-nu-hvis-scenarie, som logges; de vedtagne vægte forbliver uændrede.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="235"/>
        <source>A what-if: changes are logged and affect only this scenario.</source>
        <translation>Et hvad-nu-hvis: ændringer logges og gælder kun dette scenarie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="238"/>
        <source>Draft: edit the weights, then adopt them when each group sums to 100 %.</source>
        <translation>Kladde: ret vægtene, og vedtag dem, når hver gruppe summerer til 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="241"/>
        <source>(The scenario shown ranks with other weights.)</source>
        <translation>(Det viste scenarie rangerer med andre vægte.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="244"/>
        <source>New draft for {year}</source>
        <translation>Ny kladde til {year}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="249"/>
        <source>Every group sums to 100 %.</source>
        <translation>Alle grupper summerer til 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="298"/>
        <source>Weights {name}: {changes}</source>
        <translation>Vægte {name}: {changes}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="300"/>
        <source>Make a what-if</source>
        <translation>Opret hvad-nu-hvis</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="302"/>
        <source>The weights for {year} are adopted and locked. Name the what-if scenario in which {changes} is tried:</source>
        <translation>Vægtene for {year} er vedtaget og låst. Navngiv hvad-nu-hvis-scenariet, hvor {changes} afprøves:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="303"/>
        <source>What-if: {changes}</source>
        <translation>Hvad-nu-hvis: {changes}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="314"/>
        <source>Adopt weights</source>
        <translation>Vedtag vægte</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="316"/>
        <source>Adopting locks the weights for {year}; later changes become what-if scenarios. Adopted by:</source>
        <translation>Vedtagelse låser vægtene for {year}; senere ændringer bliver hvad-nu-hvis-scenarier. Vedtaget af:</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="317"/>
        <source>Økonomiudvalget</source>
        <translation>Økonomiudvalget</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="321"/>
        <source>Adopt weights {name}</source>
        <translation>Vedtag vægte {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="326"/>
        <source>The weights were not adopted</source>
        <translation>Vægtene blev ikke vedtaget</translation>
    </message>
</context>
<context>
    <name>WeightsCommands</name>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="37"/>
        <location filename="../../app/ui/views/weights_commands.py" line="97"/>
        <source>Undo: {what}</source>
        <translation>Fortryd: {what}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="53"/>
        <source>Edit criterion {name}</source>
        <translation>Ret kriterium {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="66"/>
        <source>Edit scoring guide of {name}, level {level}</source>
        <translation>Ret scoringsvejledning for {name}, niveau {level}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="87"/>
        <source>What-if: {name}</source>
        <translation>Hvad-nu-hvis: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="122"/>
        <source>Add strategic goal {code}</source>
        <translation>Tilføj strategisk mål {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="129"/>
        <source>Edit strategic goal {code}</source>
        <translation>Ret strategisk mål {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="136"/>
        <source>Delete strategic goal {code}</source>
        <translation>Slet strategisk mål {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="143"/>
        <source>Add external requirement {code}</source>
        <translation>Tilføj eksternt krav {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="150"/>
        <source>Edit external requirement {code}</source>
        <translation>Ret eksternt krav {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="157"/>
        <source>Delete external requirement {code}</source>
        <translation>Slet eksternt krav {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_commands.py" line="165"/>
        <source>New draft weights for {year}</source>
        <translation>Nye vægte (kladde) til {year}</translation>
    </message>
</context>
<context>
    <name>WeightsTab</name>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="71"/>
        <source>draft</source>
        <extracomment>Saaty&apos;s scale, as offered in the editor: 1/9 … 1/2, 1, 2 … 9. the leaf&apos;s position among the leaf criteria (its colour in the ranking&apos;s bars)</extracomment>
        <translation>kladde</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="71"/>
        <source>adopted</source>
        <translation>vedtaget</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="71"/>
        <source>what-if</source>
        <translation>hvad-nu-hvis</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="157"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="157"/>
        <source>Weight (within its group)</source>
        <translation>Vægt (inden for gruppen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights_sets.py" line="158"/>
        <source>Share of total score</source>
        <translation>Andel af samlet score</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <location filename="../../app/ui/views/weights.py" line="37"/>
        <source>WHAT-IF</source>
        <translation>HVAD-NU-HVIS</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights.py" line="46"/>
        <source>Weights</source>
        <translation>Vægte</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights.py" line="47"/>
        <source>Pairwise comparison</source>
        <translation>Parvis sammenligning</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights.py" line="48"/>
        <source>Criteria and scoring guides</source>
        <translation>Kriterier og scoringsvejledninger</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights.py" line="49"/>
        <source>Goals and external requirements</source>
        <translation>Mål og eksterne krav</translation>
    </message>
    <message>
        <location filename="../../app/ui/views/weights.py" line="67"/>
        <source>Strategy and weights — {scenario}</source>
        <translation>Strategi og vægte — {scenario}</translation>
    </message>
</context>
<context>
    <name>WhatIfBar</name>
    <message>
        <location filename="../../app/ui/presentation/whatif.py" line="32"/>
        <source>What-if:</source>
        <translation>Hvad-nu-hvis:</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/whatif.py" line="41"/>
        <source>Budget (millions):</source>
        <translation>Budget (mio.):</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/whatif.py" line="47"/>
        <source>Show what-if</source>
        <translation>Vis hvad-nu-hvis</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/whatif.py" line="48"/>
        <source>Back to the adopted</source>
        <translation>Tilbage til det vedtagne</translation>
    </message>
    <message>
        <location filename="../../app/ui/presentation/whatif.py" line="63"/>
        <source>Budget (million {unit}):</source>
        <translation>Budget (mio. {unit}):</translation>
    </message>
</context>
</TS>
