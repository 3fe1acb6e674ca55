#!/usr/bin/env bash
# The command line as an operator uses it: zones, users, tokens, the audit log, the schema
# guard, and `serve` on SQLite and PostgreSQL. Usage: cli_test.sh PATH/TO/jingkai
# JINGKAI_TEST_PG (postgresql://user@host:port) adds the PostgreSQL checks.
set -uo pipefail
bin=$1
work=$(mktemp -d)
db=$work/zone.db
passed=0
failed=0
server_pid=
# The demo is built as of a fixed day, and its figures counted on that day, so that the
# months and figures below hold whatever day the test runs.
demo_today=2026-11-30

cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

check() {  # check NAME COMMAND… : passes when the command succeeds
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
  fi
}

# run EXPECTED_EXIT COMMAND… : runs it, keeps its output in $out, checks the exit code
run() {
  local expected=$1
  shift
  out=$("$@" 2>&1)
  local code=$?
  if [[ $code -ne $expected ]]; then
    echo "  '$*' exited $code, expected $expected: $out"
    return 1
  fi
}

contains() { [[ $out == *"$1"* ]] || { echo "  output lacks '$1': $out"; return 1; }; }

# Starts `serve` with the given arguments and waits for its "listening on" line: up to a
# minute, for `serve --demo` builds the demo zone first (about 15 s on a loaded machine).
start_server() {
  "$bin" serve "$@" --port 0 >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    url=$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -n 1)
    [[ -n $url ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "  server did not start: $(cat "$work/serve.log")"
  return 1
}

stop_server() {
  kill -TERM "$server_pid" && wait "$server_pid"
  local code=$?
  server_pid=
  return $code
}

check "version" run 0 "$bin" --version
check "version is printed" contains "0.1.0"
check "no command is a usage error" run 2 "$bin"
check "an unknown command is a usage error" run 2 "$bin" frobnicate

check "zone add" run 0 "$bin" zone add --db "$db" --code zhuji-edz --name 诸暨经济开发区
check "a duplicate zone is refused" run 2 "$bin" zone add --db "$db" --code zhuji-edz --name x
check "…saying why" contains "已存在"
check "a malformed zone code is refused" run 2 "$bin" zone add --db "$db" --code "Bad Code" --name x
check "zone list" run 0 "$bin" zone list --db "$db"
check "…shows the zone" contains "诸暨经济开发区"

check "user add reads the password from stdin" \
  run 0 "$bin" user add --db "$db" --zone zhuji-edz --role admin --name admin \
  --display-name 管理员 --password-stdin <<<"correct-horse-9"
check "a short password is refused" \
  run 2 "$bin" user add --db "$db" --zone zhuji-edz --role admin --name short --password-stdin \
  <<<"1234"
check "an unknown role is refused" \
  run 2 "$bin" user add --db "$db" --zone zhuji-edz --role root --name rooty --password-stdin \
  <<<"correct-horse-9"
check "…naming it" contains "root"
check "a user needs --password-stdin" run 2 "$bin" user add --db "$db" --zone zhuji-edz --role admin --name nopw
check "a second zone" run 0 "$bin" zone add --db "$db" --code second --name 第二园区
check "user grant" run 0 "$bin" user grant --db "$db" --zone second --role leader --name admin
check "grant to an unknown user fails" run 2 "$bin" user grant --db "$db" --zone second --role leader --name ghost

check "token create" run 0 "$bin" token create --db "$db" --zone zhuji-edz --name admin --label ci
token=$out
is_token() { [[ $token =~ ^[0-9a-f]{64}$ ]]; }
check "…prints a 64-hex token" is_token

check "audit verify on an intact log" run 0 "$bin" audit verify --db "$db"
check "…says intact" contains "intact"

# The chain's key: made beside the SQLite file on first use, owner-only, never in the database.
owner_only() { [[ $(stat -c %a "$1") == 600 ]]; }
check "the audit key sits beside the database, mode 0600" owner_only "$db.audit-key"
check "audit anchor prints the head" run 0 "$bin" audit anchor --db "$db"
anchor=$out
is_anchor() { [[ $anchor =~ ^[0-9]+:[0-9a-f]{64}$ ]]; }
check "…as SEQ:HASH" is_anchor
check "verify against that anchor" run 0 "$bin" audit verify --db "$db" --anchor "$anchor"
check "a malformed anchor is bad input" run 2 "$bin" audit verify --db "$db" --anchor 12
check "audit keygen" run 0 "$bin" audit keygen -o "$work/other.key"
check "…writes a 0600 key" owner_only "$work/other.key"
check "keygen never replaces a key" run 2 "$bin" audit keygen -o "$work/other.key"
check "a wrong key is caught" run 1 "$bin" audit verify --db "$db" --audit-key "$work/other.key"
check "…at record 1" contains "record 1"
check "a command that writes refuses the wrong key" \
  run 2 "$bin" zone add --db "$db" --audit-key "$work/other.key" --code third --name 第三园区
check "…before it writes" run 0 "$bin" audit verify --db "$db"
cp "$db.audit-key" "$work/loose.key"
chmod 644 "$work/loose.key"
check "a key others may read is refused" run 2 "$bin" audit verify --db "$db" --audit-key "$work/loose.key"
check "…saying how to fix it" contains "chmod 600"
check "a named key file that is missing is refused" \
  run 2 "$bin" zone list --db "$db" --audit-key "$work/none.key"
# Someone drops the newest records and moves the head back: the chain left is whole, and only
# the anchor kept outside shows the loss.
cp "$db" "$work/cut.db"
cp "$db.audit-key" "$work/cut.db.audit-key"
sqlite3 "$work/cut.db" "DELETE FROM audit_log WHERE seq >= ${anchor%%:*} - 1; UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit_log), hash = (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1)"
check "a cut log verifies on its own" run 0 "$bin" audit verify --db "$work/cut.db"
check "…but not against the anchor" run 1 "$bin" audit verify --db "$work/cut.db" --anchor "$anchor"
check "…which says records were removed" contains "removed"
mv "$work/cut.db.audit-key" "$work/cut.key"
check "a keyed log whose default key is gone is refused" run 2 "$bin" zone list --db "$work/cut.db"
check "…naming --audit-key" contains "--audit-key"

check "serve on SQLite" start_server --db "$db"
check "health answers sqlite" bash -c "curl -sf $url/api/v1/health | grep -q '\"db\":\"sqlite\"'"
check "the CLI's token works as a bearer token" \
  bash -c "curl -sf -H 'Authorization: Bearer $token' $url/api/v1/auth/me | grep -q '\"name\":\"admin\"'"
check "login with the password set on the command line" \
  bash -c "curl -sf -H 'Content-Type: application/json' -d '{\"name\":\"admin\",\"password\":\"correct-horse-9\"}' $url/api/v1/auth/login | grep -q token"
check "SIGTERM stops the server cleanly" stop_server

cp "$db" "$work/future.db"

# Someone edits a record by hand in the SQLite file: verify names it and fails.
sqlite3 "$db" "UPDATE audit_log SET after_json = '{\"name\":\"forged\"}' WHERE seq = 3"
check "audit verify catches a hand-edited record" run 1 "$bin" audit verify --db "$db"
check "…naming record 3" contains "record 3"

sqlite3 "$db" "DELETE FROM audit_log WHERE seq = 2"
check "audit verify catches a removed record" run 1 "$bin" audit verify --db "$db"
check "…naming record 2" contains "record 2"

sqlite3 "$work/future.db" "INSERT INTO schema_migrations VALUES (999, 'from a newer jingkai', 0)"
check "a database newer than the binary is refused" run 2 "$bin" zone list --db "$work/future.db"
check "…saying so" contains "newer"
check "serve refuses it too" run 2 "$bin" serve --db "$work/future.db" --port 0

check "a database in a missing folder is a clear error" run 2 "$bin" zone list --db /nonexistent/x.db
check "…naming the folder" contains "/nonexistent"

check "serve --demo creates the demo zone" start_server --db "$work/demo.db" --demo --today "$demo_today"
check "…and prints the login" bash -c "grep -q 'admin / jingkai-demo' $work/serve.log"
check "the demo login works" \
  bash -c "curl -sf -H 'Content-Type: application/json' -d '{\"name\":\"admin\",\"password\":\"jingkai-demo\"}' $url/api/v1/auth/login | grep -q zhuji-edz"
check "the web UI or its build hint is served at /" bash -c "curl -sf $url/ | grep -qi 'jingkai'"
check "demo server stops" stop_server
check "serve --today without --demo is a usage error" run 2 "$bin" serve --db "$db" --today "$demo_today"
check "demo is idempotent" run 0 "$bin" demo --db "$work/demo.db"
check "…and says so" contains "already present"

# The working-day calendar: the State Council's notices, shipped in data/.
check "the next working day after the eve of Spring Festival 2024" \
  run 0 "$bin" calendar add-workdays --from 2024-02-09 --days 1
check "…is the make-up Sunday" contains "2024-02-18"
check "working days across National Day 2024" \
  run 0 "$bin" calendar workdays --from 2024-09-27 --to 2024-10-16
check "…are ten" [ "$out" = "10" ]
# A year no calendar will ship, so that the check holds whatever data/ holds.
check "a year outside the calendar" run 2 "$bin" calendar add-workdays --from 2099-12-30 --days 5
check "…is named" contains "2099"
check "a day that does not exist" run 2 "$bin" calendar workdays --from 2024-02-30 --to 2024-03-01
printf 'year 2027 test\noff 2027-01-01 元旦\nwork 2027-01-02 元旦调休\n' >"$work/2027.txt"
printf 'year 2028 test\noff 2028-13-01 bad\n' >"$work/bad-calendar.txt"
check "a calendar file with a bad line" run 2 "$bin" calendar import --db "$db" "$work/bad-calendar.txt"
check "…names the line" contains "第 2 行"
check "calendar import" run 0 "$bin" calendar import --db "$db" "$work/2027.txt"
check "the imported year is used with --db" \
  run 0 "$bin" calendar add-workdays --db "$db" --from 2026-12-31 --days 1
check "…the make-up Saturday" contains "2027-01-02"
check "calendar export lists 2027" run 0 "$bin" calendar export --db "$db"
check "…with its holiday" contains "2027-01-01"

# The orbit engine from the command line: satellite 5 of Vallado's verification set, whose
# first rows the reference output gives (Debian's python3-sgp4 ships both files).
sgp4_dir=/usr/lib/python3/dist-packages/sgp4
grep -v '^#' "$sgp4_dir/SGP4-VER.TLE" | head -n 2 | cut -c1-69 >"$work/5.tle"
check "orbit propagate" run 0 "$bin" orbit propagate --tle "$work/5.tle" --tsince 0:1440:360
same_as_reference() {
  diff <(echo "$out") <(head -n 6 "$sgp4_dir/tcppver.out" | cut -c1-107 | sed 's/ *$//')
}
check "…prints tcppver.out's first seven columns exactly" same_as_reference
check "orbit propagate with a stop before the start" \
  run 2 "$bin" orbit propagate --tle "$work/5.tle" --tsince 10:0:1
check "…names the column" contains "column"
sed 's/4753$/4754/' "$work/5.tle" >"$work/bad.tle"
check "a wrong checksum is refused" run 2 "$bin" orbit propagate --tle "$work/bad.tle" --tsince 0:1:1
check "…naming line 1" contains "line 1"
check "a missing file is refused" run 2 "$bin" orbit propagate --tle "$work/none.tle" --tsince 0:1:1
check "geodetic CSV over UTC times" \
  run 0 "$bin" orbit propagate --tle "$work/5.tle" --start 2000-06-28T00:00:00Z \
  --stop 2000-06-28T00:02:00Z --step 60 --frame geodetic
check "…a header and three rows" [ "$(wc -l <<<"$out")" = "4" ]
check "…with latitude, longitude and height" contains "satellite,time,latitude_deg,longitude_deg,height_km"
check "ITRF as JSON" \
  run 0 "$bin" orbit propagate --tle "$work/5.tle" --start 2000-06-28T00:00:00Z \
  --stop 2000-06-28T00:10:00Z --step 120 --frame itrf --format json
valid_json() { python3 -c 'import json,sys; rows=json.load(sys.stdin); assert len(rows)==6, rows' <<<"$out"; }
check "…is valid JSON with six rows" valid_json
check "a stop before the start" \
  run 2 "$bin" orbit propagate --tle "$work/5.tle" --start 2000-06-28T00:00:00Z --stop 2000-06-27T00:00:00Z
check "a time with an offset instead of Z" \
  run 2 "$bin" orbit propagate --tle "$work/5.tle" --start 2000-06-28T08:00:00+08:00 --stop 2000-06-28T09:00:00Z
check "…is refused as not UTC" contains "UTC"
check "an unknown frame" \
  run 2 "$bin" orbit propagate --tle "$work/5.tle" --start 2000-06-28T00:00:00Z --stop 2000-06-28T00:01:00Z --frame ecef
# Satellite 28872 decays 55 minutes after its epoch (Vallado's set): reported, exit 1.
grep -E '^[12] 28872' "$sgp4_dir/SGP4-VER.TLE" | cut -c1-69 >"$work/decay.tle"
epoch=$(python3 -c 'import sys,datetime; l=open(sys.argv[1]).readline(); y=2000+int(l[18:20]); d=float(l[20:32]); print((datetime.datetime(y,1,1)+datetime.timedelta(days=d-1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))' "$work/decay.tle")
check "a satellite that decays inside the interval" \
  run 1 "$bin" orbit propagate --tle "$work/decay.tle" --ignore-checksums --start "$epoch" \
  --stop "$(python3 -c 'import sys,datetime; print((datetime.datetime.strptime(sys.argv[1],"%Y-%m-%dT%H:%M:%S.%fZ")+datetime.timedelta(minutes=90)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))' "$epoch")" --step 600
check "…is reported with its error code" contains "SGP4 error 6"

check "orbit passes over two stations" \
  run 0 "$bin" orbit passes --tle "$work/5.tle" --station Zhuji,29.71,120.24,10,10 \
  --station Kashi,39.5,76.0,1200 --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
check "…has the issue's columns" contains "satellite,station,aos,tca,los,max_elevation,aos_azimuth,los_azimuth"
check "…and passes for both stations" bash -c "grep -q ',Zhuji,' <<<'$out' && grep -q ',Kashi,' <<<'$out'"
two_stations=$out
check "a station at latitude 91" \
  run 2 "$bin" orbit passes --tle "$work/5.tle" --station Bad,91,0,0 \
  --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
check "…is refused saying why" contains "latitude"
check "a malformed station" \
  run 2 "$bin" orbit passes --tle "$work/5.tle" --station Zhuji,north,0,0 \
  --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
# The same stations from a file (--stations), with comments and a Windows line end; the
# passes must be those of the --station form, whichever the number of threads.
printf '# name,lat,lon,height_m,min_el\nZhuji,29.71,120.24,10,10\r\n\nKashi,39.5,76.0,1200\n' >"$work/stations.csv"
check "orbit passes --stations FILE" \
  run 0 "$bin" orbit passes --tle "$work/5.tle" --stations "$work/stations.csv" --threads 2 \
  --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
same_as_station_form() { [ "$out" = "$two_stations" ] || { echo "  differs: $out"; return 1; }; }
check "…gives the passes of the --station form" same_as_station_form
check "…and has passes" [ "$(wc -l <<<"$out")" -gt 2 ]
printf 'Zhuji,29.71,120.24,10\nBad,95,0,0\n' >"$work/bad-stations.csv"
check "a stations file with a latitude of 95" \
  run 2 "$bin" orbit passes --tle "$work/5.tle" --stations "$work/bad-stations.csv" \
  --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
check "…names the file and line" contains "bad-stations.csv:2"
check "a missing stations file" \
  run 2 "$bin" orbit passes --tle "$work/5.tle" --stations "$work/none.csv" \
  --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
check "no station at all" \
  run 2 "$bin" orbit passes --tle "$work/5.tle" --start 2000-06-28T00:00:00Z --stop 2000-06-29T00:00:00Z
check "…says so" contains "no station"
check "orbit bench" run 0 "$bin" orbit bench --tle "$work/5.tle" --steps 1000 --threads 1
last_line_is_rate() { [[ $(tail -n 1 <<<"$out") =~ ^propagations_per_second:\ [0-9]+$ ]]; }
check "…ends with propagations_per_second" last_line_is_rate

# The enterprise registry and its statistics: the demo zone's enterprise base, credit codes,
# and monthly reports out to a file and back in, all or nothing.
demo=$work/statistics.db
check "demo builds the demo zone" run 0 "$bin" demo --db "$demo" --today "$demo_today"
check "…saying so" contains "created: demo zone zhuji-edz"
check "…and its steps" contains "demo: monthly reports"
check "demo again leaves it be" run 0 "$bin" demo --db "$demo"
check "…saying so" contains "already present"
check "indicators of the demo zone" \
  run 0 "$bin" indicators --db "$demo" --zone zhuji-edz --today "$demo_today"
figures=$out
check "…for the month before the demo's day" contains "period 2026-10"
check "…860 above-scale firms" contains "above_scale 860"
check "…184 over 100 million" contains "over_100m 184"
check "…319 high-tech firms" contains "high_tech 319"
check "…11 listed" contains "listed 11"
check "…1 Fortune Global 500 group" contains "global500 1"
check "…74% of the city" contains "city_share_pct 74.0"
counts() { grep -Ev '^(period|above_scale_output)' <<<"$1"; }
earlier=$work/earlier.db
check "the demo built as of another day" run 0 "$bin" demo --db "$earlier" --today 2025-06-30
check "…counted on that day" \
  run 0 "$bin" indicators --db "$earlier" --zone zhuji-edz --today 2025-06-30
check "…is of the month before it" contains "period 2025-05"
same_counts() { [ "$(counts "$out")" = "$(counts "$figures")" ] || { echo "  differs: $out"; return 1; }; }
check "…with the same counts and city share" same_counts
check "a day that does not exist is refused" run 2 "$bin" demo --db "$work/none.db" --today 2026-02-30
check "…naming the option" contains "[today]"
check "indicators of an unknown zone" run 2 "$bin" indicators --db "$demo" --zone nowhere
check "indicators for a month to come" run 2 "$bin" indicators --db "$demo" --zone zhuji-edz --period 2999-01
code=$(sqlite3 "$demo" "SELECT uscc FROM enterprises ORDER BY id LIMIT 1")
check "uscc check accepts a valid code" run 0 "$bin" uscc check "$code"
wrong=${code:0:17}$([[ ${code:17:1} == 0 ]] && echo 1 || echo 0)
check "uscc check refuses a wrong check character" run 2 "$bin" uscc check "$wrong"
check "…naming position 18 and the expected character" contains "第18位校验码应为 ${code:17:1}"

reports=$work/reports.csv
count_reports() { sqlite3 "$demo" "SELECT COUNT(*) || ':' || SUM(output_fen) FROM enterprise_reports"; }
before=$(count_reports)
check "export reports to CSV" \
  run 0 "$bin" export reports --db "$demo" --zone zhuji-edz --from 2026-01 --to 2026-03 -o "$reports"
check "…with the template's header" bash -c "head -c 200 '$reports' | grep -q '统一社会信用代码,统计期'"
check "…one row per firm and month" test "$(($(wc -l <"$reports") - 1))" -eq $((1400 * 3))
check "import the export back" run 0 "$bin" import reports --db "$demo" --zone zhuji-edz "$reports"
check "…updating, never doubling" contains "4200 rows imported: 0 new, 4200 updated"
check "…with progress on stderr" contains "write 100%"
check "…and the figures unchanged" test "$(count_reports)" = "$before"
iconv -f UTF-8 -t GBK <(tail -c +4 "$reports") >"$work/reports-gbk.csv"
check "import the same file as GBK" run 0 "$bin" import reports --db "$demo" --zone zhuji-edz "$work/reports-gbk.csv"
check "…read as GBK" contains "4200 rows imported"
awk 'NR == 3 { sub(/,2026-0[0-9],/, ",2999-01,") } { print }' "$reports" >"$work/bad.csv"
check "one bad row refuses the whole file" run 2 "$bin" import reports --db "$demo" --zone zhuji-edz "$work/bad.csv"
check "…naming the row and the column" contains "row 3, column period"
check "…and nothing imported" contains "nothing imported"
check "…so nothing changed" test "$(count_reports)" = "$before"
check "a dry run checks without importing" \
  run 0 "$bin" import reports --db "$demo" --zone zhuji-edz --dry-run "$reports"
check "…saying so" contains "checked (dry run)"
printf 'uscc,period\n%s,2026-01\n' "$code" >"$work/header.csv"
check "a wrong header is refused" run 2 "$bin" import reports --db "$demo" --zone zhuji-edz "$work/header.csv"
check "…naming the missing columns" contains "工业总产值(元)"
check "a missing file is refused" run 2 "$bin" import reports --db "$demo" --zone zhuji-edz "$work/none.csv"
check "an image is not a table" run 2 "$bin" import reports --db "$demo" --zone zhuji-edz "$bin"
check "an unknown encoding is refused" \
  run 2 "$bin" import reports --db "$demo" --zone zhuji-edz --encoding ebcdic "$reports"
check "export the registry as XLSX" \
  run 0 "$bin" export enterprises --db "$demo" --zone zhuji-edz --format xlsx -o "$work/firms.xlsx"
check "…a ZIP container" bash -c "head -c 2 '$work/firms.xlsx' | grep -q PK"
check "an unknown export format is refused" \
  run 2 "$bin" export enterprises --db "$demo" --zone zhuji-edz --format pdf

# The service-item catalogue: the demo zone's 185 items out to a file and back in.
check "export the catalogue" \
  run 0 "$bin" catalogue export --db "$demo" --zone zhuji-edz -o "$work/catalogue.csv"
check "…185 items and a header" test "$(wc -l <"$work/catalogue.csv")" -eq 186
check "import it back" run 0 "$bin" catalogue import --db "$demo" --zone zhuji-edz "$work/catalogue.csv"
check "…replacing every item by its code" contains "185 items imported: 0 new, 185 updated"
awk -F, -v OFS=, 'NR == 2 { $8 = $7 + 1 } { print }' "$work/catalogue.csv" >"$work/catalogue-bad.csv"
check "a promise beyond the law refuses the file" \
  run 2 "$bin" catalogue import --db "$demo" --zone zhuji-edz "$work/catalogue-bad.csv"
check "…naming row 2 and the column" contains "row 2, column promised_days"

# Applications: the demo's applicant applies through a server whose clock the test sets; the
# sweep, the statistics and the representatives from the command line.
login() {
  curl -sf "$url/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"name\":\"$1\",\"password\":\"jingkai-demo\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
api() {  # api TOKEN METHOD PATH [BODY] : prints the answer, fails on an HTTP error
  curl -sf -X "$2" "$url/api/v1$3" -H "authorization: Bearer $1" -H 'content-type: application/json' \
    ${4:+-d "$4"}
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# The demo's own year of applications: what is overdue today is marked first, and September's
# count kept, so that what follows counts only this test's application.
check "a first sweep of the demo" run 0 "$bin" approvals sweep --db "$demo"
september_received() {
  "$bin" approvals statistics --db "$demo" --zone zhuji-edz --from 2026-09 --to 2026-09 |
    awk -F'\t' '$1 == "2026-09" { print $3 }'
}
received_before=$(september_received)
check "serve the demo with a settable clock" start_server --db "$demo" --web "" --settable-clock
admin_token=$(login admin)
officer_token=$(login chuangkou)
applicant_token=$(login qiye)
check "set the clock to 28 September 2026" \
  run 0 api "$admin_token" PUT /system/clock '{"now":"2026-09-28T09:00:00+08:00"}'
enterprise=$(api "$applicant_token" GET /my/enterprises | field '["items"][0]["id"]')
uscc=$(api "$applicant_token" GET /my/enterprises | field '["items"][0]["uscc"]')
item=$(curl -sf "$url/api/v1/service-items/SS-001?zone=zhuji-edz" | field '["code"]')
application=$(api "$applicant_token" POST /applications \
  "{\"item_code\":\"$item\",\"enterprise_id\":$enterprise}" | field '["id"]')
check "an application started" test -n "$application"
printf '%%PDF-1.4\n%% cli test\ntrailer <<>>\n%%%%EOF\n' >"$work/material.pdf"
curl -sf "$url/api/v1/service-items/$item?zone=zhuji-edz" |
  python3 -c 'import json,sys; [print(m["name"]) for m in json.load(sys.stdin)["materials"] if m["required"]]' |
  while read -r material; do
    curl -sf "$url/api/v1/applications/$application/materials?file_name=m.pdf&material=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$material")" \
      -H "authorization: Bearer $applicant_token" -H 'content-type: application/pdf' \
      --data-binary @"$work/material.pdf" >/dev/null
  done
check "submitted with its materials" run 0 api "$applicant_token" POST "/applications/$application/actions/submit"
deadline=$(api "$officer_token" POST "/applications/$application/actions/accept" | field '["promised_deadline"]')
check "accepted, with a promised deadline" test -n "$deadline"
check "the clock moves a month on" run 0 api "$admin_token" PUT /system/clock '{"now":"2026-10-28T09:00:00+08:00"}'
check "server stops" stop_server
check "the sweep marks it overdue" \
  run 0 "$bin" approvals sweep --db "$demo"
check "…one past the promised deadline (today, by the machine's clock, is after it)" \
  contains "1 newly past the promised deadline"
check "a second sweep marks nothing new" run 0 "$bin" approvals sweep --db "$demo"
check "…and says so" contains "0 newly past the promised deadline"
check "statistics by month" \
  run 0 "$bin" approvals statistics --db "$demo" --zone zhuji-edz --from 2026-09 --to 2026-10
check "…one more received in September" test "$(september_received)" -eq "$((${received_before:-0} + 1))"
check "statistics refuse months the wrong way round" \
  run 2 "$bin" approvals statistics --db "$demo" --zone zhuji-edz --from 2026-10 --to 2026-09
check "…naming them" contains "from is after to"
check "representatives of the applicant's enterprise" \
  run 0 "$bin" representative list --db "$demo" --zone zhuji-edz --enterprise "$uscc"
check "…the demo applicant" contains "qiye"
check "an officer cannot represent an enterprise" \
  run 2 "$bin" representative grant --db "$demo" --zone zhuji-edz --enterprise "$uscc" --user chuangkou
check "…because they are no enterprise user" contains "enterprise_user"
check "an unknown credit code is a clear error" \
  run 2 "$bin" representative list --db "$demo" --zone zhuji-edz --enterprise 91330681MA0000000X
check "revoking the applicant" \
  run 0 "$bin" representative revoke --db "$demo" --zone zhuji-edz --enterprise "$uscc" --user qiye
check "…leaves nobody" test -z "$out"

if [[ -n ${JINGKAI_TEST_PG:-} ]]; then
  name=cli_$RANDOM$RANDOM
  pg="$JINGKAI_TEST_PG/$name"
  check "create a PostgreSQL database" psql -q "$JINGKAI_TEST_PG/postgres" -c "CREATE DATABASE $name"
  pg_key=$work/pg.key
  check "audit keygen for PostgreSQL" run 0 "$bin" audit keygen -o "$pg_key"
  check "zone add on PostgreSQL" \
    run 0 "$bin" zone add --db "$pg" --audit-key "$pg_key" --code zhuji-edz --name 诸暨
  check "user add on PostgreSQL" \
    run 0 "$bin" user add --db "$pg" --audit-key "$pg_key" --zone zhuji-edz --role admin \
    --name admin --password-stdin <<<"correct-horse-9"
  check "audit anchor on PostgreSQL" run 0 "$bin" audit anchor --db "$pg" --audit-key "$pg_key"
  pg_anchor=${out##*$'\n'}  # the last line: PostgreSQL's notices come before it
  check "serve on PostgreSQL" start_server --db "$pg" --audit-key "$pg_key"
  check "health answers postgresql" \
    bash -c "curl -sf $url/api/v1/health | grep -q '\"db\":\"postgresql\"'"
  check "PostgreSQL server stops" stop_server
  check "…whose log still reaches the anchor" \
    run 0 "$bin" audit verify --db "$pg" --audit-key "$pg_key" --anchor "$pg_anchor"
  psql -q "$pg" -c "UPDATE audit_log SET actor = 'forger' WHERE seq = 2" >/dev/null
  check "audit verify catches an edit on PostgreSQL" \
    run 1 "$bin" audit verify --db "$pg" --audit-key "$pg_key"
  psql -q "$JINGKAI_TEST_PG/postgres" -c "DROP DATABASE $name WITH (FORCE)" >/dev/null
  check "an unreachable PostgreSQL server is a clear error" \
    run 1 "$bin" zone list --db "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
fi

# Backups: the demo deployment copied while a server serves it, restored into a fresh place
# with every row, every stored file and an audit chain that verifies; damage is refused.
restored=$work/restored/zone.db
mkdir -p "$work/restored"
check "serve the demo to back it up" start_server --db "$work/demo.db"
check "backup while the server serves" run 0 "$bin" backup --db "$work/demo.db" -o "$work/live-backup"
check "…saying what it copied" contains "stored files"
check "the server still answers" curl -sf "$url/api/v1/health" -o /dev/null
check "demo server stops after its backup" stop_server
check "restore the live backup" run 0 "$bin" restore --from "$work/live-backup" --db "$restored"
check "…and its audit log verifies" contains "audit log intact"
check "backup of the stopped demo" run 0 "$bin" backup --db "$work/demo.db" -o "$work/backup"
check "a backup folder is not overwritten" run 2 "$bin" backup --db "$work/demo.db" -o "$work/backup"
check "…saying so" contains "not empty"
check "restore into a fresh place" run 0 "$bin" restore --from "$work/backup" --db "$work/restored/again.db"
check "…the audit log verifies" contains "audit log intact"
check "audit verify on the restored copy" run 0 "$bin" audit verify --db "$work/restored/again.db"
check "every table row for row" \
  diff <(sqlite3 "$work/demo.db" .dump) <(sqlite3 "$work/restored/again.db" .dump)
check "every stored file" diff -r "$work/demo.db.files" "$work/restored/again.db.files"
check "restore refuses a database that is not empty" \
  run 2 "$bin" restore --from "$work/backup" --db "$work/demo.db"
check "…saying so" contains "refusing to overwrite"
cp -r "$work/backup" "$work/tampered"
echo tampered >>"$(find "$work/tampered/files" -type f | head -n 1)"
check "a tampered backup is refused" run 2 "$bin" restore --from "$work/tampered" --db "$work/restored/t.db"
check "…naming the altered file" contains "differs from the MANIFEST"
check "…leaving nothing behind" test ! -e "$work/restored/t.db" -a ! -e "$work/restored/t.db.files"
truncate -s 100 "$work/tampered/database.sqlite"
check "a truncated backup is refused" run 2 "$bin" restore --from "$work/tampered" --db "$work/restored/t.db"
check "a missing backup is a clear error" run 2 "$bin" restore --from "$work/nothing" --db "$work/restored/t.db"
check "…saying so" contains "no backup folder"
check "an unwritable output is a clear error" run 1 "$bin" backup --db "$work/demo.db" -o /dev/null/backup
check "…saying so" contains "cannot write"

if [[ -n ${JINGKAI_TEST_PG:-} ]]; then
  src=bk_src_$RANDOM$RANDOM
  dst=bk_dst_$RANDOM$RANDOM
  psql -q "$JINGKAI_TEST_PG/postgres" -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst"
  # Each side in a folder of its own, where PostgreSQL's default key file and files go.
  mkdir -p "$work/pg-src" "$work/pg-dst" "$work/pg-other"
  in_src=(env -C "$work/pg-src" "$bin")
  check "zone add for a PostgreSQL backup" \
    run 0 "${in_src[@]}" zone add --db "$JINGKAI_TEST_PG/$src" --code zhuji-edz --name 诸暨
  check "backup of PostgreSQL with pg_dump" \
    run 0 "${in_src[@]}" backup --db "$JINGKAI_TEST_PG/$src" -o "$work/pg-backup"
  check "restore into an empty PostgreSQL database" \
    run 0 env -C "$work/pg-dst" "$bin" restore --from "$work/pg-backup" --db "$JINGKAI_TEST_PG/$dst"
  check "…the audit log verifies" contains "audit log intact"
  every_pg_table() {
    for t in $(psql -At "$1" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
      echo "$t"
      psql -At "$1" -c "SELECT t::text FROM \"$t\" t ORDER BY 1"
    done
  }
  check "every PostgreSQL table row for row" \
    diff <(every_pg_table "$JINGKAI_TEST_PG/$src") <(every_pg_table "$JINGKAI_TEST_PG/$dst")
  check "restore refuses a PostgreSQL database with tables" \
    run 2 env -C "$work/pg-other" "$bin" restore --from "$work/pg-backup" --db "$JINGKAI_TEST_PG/$src"
  check "pg_dump missing is a clear error" \
    run 1 "${in_src[@]}" backup --db "$JINGKAI_TEST_PG/$src" -o "$work/pg-none" --pg-bindir /nonexistent
  check "…naming it" contains "pg_dump"
  psql -q "$JINGKAI_TEST_PG/postgres" -c "DROP DATABASE $src WITH (FORCE)" -c "DROP DATABASE $dst WITH (FORCE)" >/dev/null
fi

echo "cli: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
((failed == 0))
