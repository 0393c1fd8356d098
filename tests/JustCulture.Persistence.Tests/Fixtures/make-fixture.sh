#!/bin/bash
# usage (from the repository root, CLI built): make-fixture.sh <database> [extra global options...]
set -e
DB="$1"; shift
J="dotnet src/JustCulture.Cli/bin/Debug/net10.0/justculture.dll --database $DB $*"
$J db migrate
$J staff import samples/staff-demo.csv --year 2026-27
$J user add lm1 --name "Amelia Clarke" --role LineManager --staff-ref 10400000
$J user add lm2 --name "Oliver Hughes" --role LineManager --staff-ref 10400037
$J user add cm1 --name "Kwame Mensah" --role CommissioningManager --staff-ref 10400111
$J user add aud1 --name "Audit Person" --role Auditor
$J user add adm1 --name "Admin Person" --role Administrator
C1=$($J concern open --subject 10400074 --raised-by lm1 --summary "Missed a medication round" --action "Missed the 10:00 round" --action "Did not record it" --category Medication --incident-date 2026-11-02 | grep -oE '[0-9a-f-]{36}' | head -1)
C2=$($J concern open --subject 10400222 --raised-by lm2 --summary "Late to handover twice" --action "Late to handover" --category Attendance | grep -oE '[0-9a-f-]{36}' | head -1)
echo "concerns $C1 $C2"
$J task list --concern $C1
T=$($J task list --concern $C1 | head -1 | awk '{print $1}')
$J task complete $T --as lm1 --answer No
$J log checkpoint
$J log verify
