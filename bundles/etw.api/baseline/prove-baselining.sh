#!/usr/bin/env bash
# Proves that the build refuses an API change without a version bump (issue 14, item 19).
# Copies etw.api (and the root pom it inherits from) to a temporary folder, makes one change to an exported
# package there, and runs `mvn verify` on the copy, which must fail in bnd-baseline-maven-plugin:
#   1. a public method added to etw.api.Units while etw.api stays 2.1.0 (needs a minor bump, 2.2.0);
#   2. a public method removed from etw.api.Units (needs a major bump, 3.0.0);
#   3. the same removal with the package raised to 3.0.0, which must pass.
# The working tree is not touched. Usage: bundles/etw.api/baseline/prove-baselining.sh [extra mvn args, e.g. -o]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

attempt() { # name, expectation (fail|pass), sed script for Units.java, sed script for package-info.java
  local name=$1 expect=$2 units=$3 info=$4 dir="$work/$1"
  shift 4
  mkdir -p "$dir/bundles"
  cp "$root/pom.xml" "$dir/pom.xml"
  cp -r "$root/bundles/etw.api" "$dir/bundles/etw.api"
  rm -rf "$dir/bundles/etw.api/target"
  sed -i -e "$units" "$dir/bundles/etw.api/src/main/java/etw/api/Units.java"
  sed -i -e "$info" "$dir/bundles/etw.api/src/main/java/etw/api/package-info.java"
  local log="$dir/build.log" status=0
  mvn -B -Dmaven.test.skip=true "$@" -f "$dir/bundles/etw.api/pom.xml" verify >"$log" 2>&1 || status=$?
  echo "== $name: mvn verify exit $status (expected: $expect)"
  grep -E 'Baseline check|Baseline problems|BUILD' "$log" | sed 's/^/   /' || true
  local report
  report=$(ls "$dir"/bundles/etw.api/target/baseline/*.txt 2>/dev/null | head -1)
  if [[ -n $report ]]; then
    # the table of packages (name, delta, new version, old version, suggested version) and the changed members
    grep -E '^ *(\*?Name|\*? *etw\.(api|testkit)|  [A-Z]+ +(PACKAGE|CLASS|INTERFACE|METHOD))|(MAJOR|MINOR|ADDED|REMOVED) +METHOD' "$report" \
      | head -14 | sed 's/^/   /' || true
  fi
  if [[ $expect == fail && $status == 0 ]] || [[ $expect == pass && $status != 0 ]]; then
    echo "   UNEXPECTED"; failures=$((failures + 1))
  fi
}

attempt added-method fail \
  's|^    private Units() {|    public static String added() { return ""; }\n\n    private Units() {|' '' "$@"
attempt removed-method fail \
  '/True if both strings parse and have the same dimension/,/^    }$/d' '' "$@"
attempt removed-method-major-bump pass \
  '/True if both strings parse and have the same dimension/,/^    }$/d' \
  's|@org.osgi.annotation.versioning.Version("[0-9.]*")|@org.osgi.annotation.versioning.Version("3.0.0")|' "$@"
if ((failures)); then echo "baselining NOT proven: $failures unexpected result(s)"; exit 1; fi
echo "baselining proven: both unversioned changes failed the build, the bumped one passed"
