# The Java runtime the launchers start (sourced by web-api/bin/assessment-server and
# tools/bench/server-benchmark.sh; not run on its own).
#
# The build makes Java 17 bytecode, and `java -jar` with a JDK 17 keeps working. Where a JDK 25 is
# installed beside it, the launchers run the server there: measured on the same machine, in turn with
# JDK 17, the 10,000-organization import of a fresh server took about a quarter less time and a cold
# start with the demo district about a quarter less (BENCHMARKS.md, "The server on JDK 25"), with the
# same results. Which one, in this order:
#   ASSESSMENT_JAVA   a java executable, e.g. ASSESSMENT_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
#   JAVA_HOME         when it is a JDK 25
#   /usr/lib/jvm/*    the first JDK 25 installed there (Debian's place for JDKs, Temurin's packages too)
#   java              on the PATH
# Sets java_cmd (the executable), java_feature (its feature release: 17, 25, ...) and java_version
# (the whole runtime version, e.g. 25.0.3+9-LTS: a class-data archive or AOT cache fits one runtime only).

# the class data a launcher records for the runtime java_runtime chose, named by its version after the
# prefix $1: an AOT cache (.aot) from JDK 25 on, a class-data archive (.jsa) before
java_class_data() {
  if ((java_feature >= 25)); then echo "$1-${java_version//[^A-Za-z0-9.]/_}.aot"
  else echo "$1-${java_version//[^A-Za-z0-9.]/_}.jsa"; fi
}

# the feature release of a JDK's home from its `release` file; empty when there is none
java_release_of_home() {
  [[ -f "$1/release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release"
}

# a property of the runtime ($1) as it prints it (one short JVM start)
java_property_of() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n "s/^ *$2 = \(.*\)$/\1/p"
}

java_runtime() {
  local home resolved
  java_cmd=
  if [[ -n "${ASSESSMENT_JAVA:-}" ]]; then
    java_cmd=$ASSESSMENT_JAVA
  else
    for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
      if [[ -x "$home/bin/java" && "$(java_release_of_home "$home")" == 25 ]]; then
        java_cmd=$home/bin/java
        break
      fi
    done
    java_cmd=${java_cmd:-java}
  fi
  resolved=$(command -v "$java_cmd" || true)
  [[ -n "$resolved" ]] || { echo "no Java runtime at $java_cmd (ASSESSMENT_JAVA, JAVA_HOME or java on the PATH)" >&2; return 1; }
  home=$(dirname "$(dirname "$(readlink -f "$resolved")")")
  java_feature=$(java_release_of_home "$home")
  java_version=
  if [[ -f "$home/release" ]]; then
    java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$home/release")
  fi
  if [[ -z "$java_feature" || -z "$java_version" ]]; then
    # a runtime without a release file: ask it
    java_feature=$(java_property_of "$java_cmd" java.specification.version)
    java_version=$(java_property_of "$java_cmd" java.runtime.version)
  fi
  [[ "$java_feature" =~ ^[0-9]+$ && -n "$java_version" ]] || { echo "cannot tell the release of $java_cmd" >&2; return 1; }
}
