#!/usr/bin/env bash
# Install the Debian packages the desktop tests (tests/desktop) need: a private X server, a tray
# host, a notification daemon, a Secret Service, clipboard/window/screenshot tools, and the
# libraries Qt's xcb platform plugin loads; a headless Wayland session (sway, waybar, grim,
# mako) for tests/desktop/wayland; and man (man-db, groff) for the man page test.
#
# - Everything installed already: one line, exit 0, no apt-get at all (fast, idempotent).
# - Something missing, root and apt-get available: apt-get update + install, quietly (errors
#   and, on failure, apt's full output are shown).
# - Something missing otherwise: one line naming the missing tools and the command to run,
#   exit 0 (the desktop tests then skip with the same reason; on CI they fail instead).
set -euo pipefail

# package:tool — the tool names what a person would miss; "-" for a library package.
REQUIRED=(
  xvfb:Xvfb
  xauth:xauth
  x11-utils:xdpyinfo
  xdotool:xdotool
  dbus-x11:dbus-launch
  trayer:trayer
  dunst:dunst
  libnotify-bin:notify-send
  gnome-keyring:gnome-keyring-daemon
  xclip:xclip
  imagemagick:import
  desktop-file-utils:desktop-file-validate
  appstream:appstreamcli
  libegl1:-
  libgl1:-
  libfontconfig1:-
  libxkbcommon-x11-0:-
  libxcb-cursor0:-
  libxcb-icccm4:-
  libxcb-keysyms1:-
  libxcb-image0:-
  libxcb-render-util0:-
  libxcb-xinerama0:-
  libxcb-shape0:-
  libdbus-1-3:-
  fonts-dejavu-core:-
  libfaketime:-
  # the accessibility bus the guide's desktop tests read window text from (tests/desktop/a11y_tree.py)
  at-spi2-core:-
  # the Wayland session (tests/desktop/wayland): headless sway, waybar's StatusNotifierItem
  # tray, screenshots, a Wayland notification daemon (makoctl calls it through busctl), the
  # libraries Qt's wayland platform plugin loads, and useradd for the unprivileged user sway
  # needs (it refuses to run as root)
  sway:sway
  waybar:waybar
  grim:grim
  mako-notifier:mako
  systemd:busctl
  libwayland-client0:-
  libwayland-cursor0:-
  libwayland-egl1:-
  libxkbcommon0:-
  passwd:useradd
  # the bundle test (tests/packaging) trims Qt's ICU data with as/ld/readelf and strips
  # libraries (packaging/pyinstaller/icu_data.py, docs/decisions/168)
  binutils:as
  # the man page test (tests/unit/commands/test_shell_files.py) renders it with `man -l`
  man-db:man
  groff-base:nroff
)

missing_packages=()
missing_tools=()

is_installed() {
  local status
  if command -v dpkg-query >/dev/null 2>&1; then
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
    [[ $status == "install ok installed" ]]
  else
    # Not a dpkg system: judge by the tool alone (libraries cannot be checked this way).
    [[ $2 == "-" ]] || command -v "$2" >/dev/null 2>&1
  fi
}

check() {
  missing_packages=()
  missing_tools=()
  local entry package tool
  for entry in "${REQUIRED[@]}"; do
    package=${entry%%:*}
    tool=${entry#*:}
    if ! is_installed "$package" "$tool"; then
      missing_packages+=("$package")
      [[ $tool == "-" ]] && tool=$package
      missing_tools+=("$tool")
    fi
  done
}

check
if ((${#missing_packages[@]} == 0)); then
  echo "desktop test packages: all installed"
  exit 0
fi

if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "desktop tests need: ${missing_tools[*]}; run as root or install them:" \
    "sudo apt-get install -y ${missing_packages[*]}"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT

apt_quiet() {
  # stdout (progress) goes to the log, stderr (errors) to the terminal; the log too on failure.
  if ! apt-get -y -q -o Dpkg::Use-Pty=0 "$@" >"$log"; then
    cat "$log" >&2
    echo "install-system-deps: apt-get $1 failed" >&2
    exit 1
  fi
}

echo "installing for the desktop tests: ${missing_packages[*]}"
apt_quiet update
apt_quiet install "${missing_packages[@]}"

check
if ((${#missing_packages[@]} != 0)); then
  echo "install-system-deps: still missing after apt-get install: ${missing_packages[*]}" >&2
  exit 1
fi
echo "desktop test packages: installed"
