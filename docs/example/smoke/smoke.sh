#!/bin/sh
# Smoke tests against $TARGET_URL, reported as JUnit XML (surefire dialect).
mkdir -p /reports
cases=""; failures=0; total=0
check() { # name url expected-substring
  total=$((total + 1))
  start=$(date +%s)
  body=$(timeout 5 wget -q -O - "$2" 2>&1)  # busybox-static wget -T crashes; timeout(1) bounds it instead
  code=$?
  if [ $code -eq 0 ] && echo "$body" | grep -q "$3"; then
    cases="$cases<testcase classname=\"smoke.$SUITE\" name=\"$1\" time=\"$(( $(date +%s) - start ))\"/>"
  else
    failures=$((failures + 1))
    msg=$(echo "$body" | head -c 200 | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')
    cases="$cases<testcase classname=\"smoke.$SUITE\" name=\"$1\"><failure message=\"expected '$3' from $2\">wget exit $code: $msg</failure></testcase>"
  fi
}
SUITE=${SUITE:-app}
check "home page names the app" "$TARGET_URL/" "Sample app"
check "health endpoint answers ok" "$TARGET_URL/cgi-bin/health" "ok"
check "version is published" "$TARGET_URL/version" "${EXPECT_VERSION:-.}"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="smoke.%s" tests="%d" failures="%d" errors="0" skipped="0">%s</testsuite>\n' \
  "$SUITE" "$total" "$failures" "$cases" > /reports/smoke.xml
[ "$failures" -eq 0 ]
