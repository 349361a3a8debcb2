<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>GoalsTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/views/weights_goals.py" line="285"/>
        <location filename="../../app/ui/views/weights_goals.py" line="294"/>
        <source>Delete {code} {title}? Its links to %n initiative(s) go with it.</source>
        <translation>
            <numerusform>Delete {code} {title}? Its link to %n initiative goes with it.</numerusform>
            <numerusform>Delete {code} {title}? Its links to %n initiatives go with it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="254"/>
        <source>%n initiative(s)</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
</context>
</TS>
