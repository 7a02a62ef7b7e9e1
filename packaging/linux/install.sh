#!/usr/bin/env bash
# Make Crickets a citizen of the Linux desktop: menu entry, "Open with" for .ics invitations,
# icons, AppStream metadata; optionally the one-folder bundle itself (docs/decisions/053).
#
#   packaging/linux/install.sh [--bundle DIR | --exec PROGRAM] [--shell-files DIR] PREFIX
#   packaging/linux/install.sh --uninstall PREFIX
#
# PREFIX is ~/.local for one person (no root needed) or /usr/local for everyone.
#   --bundle DIR       copy the bundle (dist/crickets from packaging/build.sh) to PREFIX/lib/crickets,
#                      link PREFIX/bin/crickets to it, and start that copy from the menu; its shell
#                      completions and man page are installed too
#   --exec PROGRAM     start PROGRAM from the menu (e.g. a virtualenv's bin/crickets); without
#                      either option the menu runs `crickets` from PATH, as the packaged entry says
#   --shell-files DIR  install the shell completions and the man page from DIR (`make completions`
#                      writes them to build/share)
#   --uninstall        remove exactly what this script installs (not your data, not the login entry)
#
# Installed:
#   PREFIX/share/applications/crickets.desktop
#   PREFIX/share/icons/hicolor/scalable/apps/crickets.svg
#   PREFIX/share/icons/hicolor/symbolic/apps/crickets-symbolic.svg
#   PREFIX/share/metainfo/app.crickets.Crickets.metainfo.xml
#   with --bundle: PREFIX/lib/crickets/ and the link PREFIX/bin/crickets
#   with --bundle or --shell-files: PREFIX/share/bash-completion/completions/crickets,
#     PREFIX/share/zsh/site-functions/_crickets, PREFIX/share/fish/vendor_completions.d/crickets.fish
#     and PREFIX/share/man/man1/crickets.1
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DESKTOP_SRC="$ROOT/resources/linux/crickets.desktop"
ICONS_SRC="$ROOT/resources/icons/hicolor"
METAINFO_NAME="app.crickets.Crickets.metainfo.xml"
METAINFO_SRC="$HERE/$METAINFO_NAME"
ICONS=(scalable/apps/crickets.svg symbolic/apps/crickets-symbolic.svg)
BUNDLE_MARK="_internal/resources/linux/crickets.desktop"  # what makes a folder our bundle
BUNDLE_SHARE="_internal/share"  # where the bundle carries the shell files (crickets.spec)
# Generated from the parser (crickets.commands.shell_files), relative to share/.
SHELL_FILES=(
    bash-completion/completions/crickets
    zsh/site-functions/_crickets
    fish/vendor_completions.d/crickets.fish
    man/man1/crickets.1
)
SHELL_DIRS=(bash-completion/completions bash-completion zsh/site-functions zsh
    fish/vendor_completions.d fish man/man1 man)

usage() {
    sed -n '5,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

die() {
    echo "install.sh: $*" >&2
    exit 2
}

# One argument as the Desktop Entry spec's Exec key wants it: quoted when it has a reserved
# character, "%" doubled, then escaped as a string value (crickets.services.autostart does
# the same in Python; a test compares the two).
exec_arg() {
    local arg=${1//%/%%}
    case $arg in
        "" | *[[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\`\(\)]*)
            arg=${arg//\\/\\\\}
            arg=${arg//\"/\\\"}
            arg=${arg//\`/\\\`}
            arg=${arg//\$/\\\$}
            arg="\"$arg\""
            ;;
    esac
    printf '%s' "${arg//\\/\\\\}"
}

# The packaged entry, with Exec (and TryExec) pointing at PROGRAM when one is given.
desktop_entry() {
    local program=$1 line
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            Exec=* | TryExec=*)
                [ -z "$program" ] && printf '%s\n' "$line"
                ;;
            *)
                printf '%s\n' "$line"
                if [ -n "$program" ] && [ "$line" = "[Desktop Entry]" ]; then
                    printf 'Exec=%s %%f\n' "$(exec_arg "$program")"
                    printf 'TryExec=%s\n' "${program//\\/\\\\}"
                fi
                ;;
        esac
    done <"$DESKTOP_SRC"
}

refresh_caches() {
    local share=$1
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then
        update-desktop-database -q "$share/applications" || true
    fi
    if [ -d "$share/icons/hicolor" ]; then
        touch "$share/icons/hicolor"  # icon themes notice a newer folder
        if [ -f "$share/icons/hicolor/index.theme" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
        fi
    fi
}

is_our_bundle() {
    [ -f "$1/$BUNDLE_MARK" ] && [ -x "$1/crickets" ]
}

# The completions and the man page from the folder $1 (a share/ layout), when it has them all.
has_shell_files() {
    local file
    for file in "${SHELL_FILES[@]}"; do
        [ -f "$1/$file" ] || return 1
    done
}

install_shell_files() {
    local file
    for file in "${SHELL_FILES[@]}"; do
        install -D -m 0644 "$1/$file" "$share/$file"
    done
}

bundle="" program="" shell_files="" uninstall=0 prefix=""
while [ $# -gt 0 ]; do
    case $1 in
        --bundle) [ $# -ge 2 ] || usage; bundle=$2; shift 2 ;;
        --exec) [ $# -ge 2 ] || usage; program=$2; shift 2 ;;
        --shell-files) [ $# -ge 2 ] || usage; shell_files=$2; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h | --help) usage ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) [ -z "$prefix" ] || usage; prefix=$1; shift ;;
    esac
done
[ -n "$prefix" ] || usage
[ -z "$bundle" ] || [ -z "$program" ] || die "give --bundle or --exec, not both"
case $prefix in
    /*) ;;
    *) prefix="$(pwd)/$prefix" ;;
esac
share="$prefix/share"
libdir="$prefix/lib/crickets"
bindir="$prefix/bin"

if [ "$uninstall" = 1 ]; then
    rm -f "$share/applications/crickets.desktop" "$share/metainfo/$METAINFO_NAME"
    for icon in "${ICONS[@]}"; do
        rm -f "$share/icons/hicolor/$icon"
    done
    for file in "${SHELL_FILES[@]}"; do
        rm -f "$share/$file"
    done
    for dir in "${SHELL_DIRS[@]}"; do
        [ -d "$share/$dir" ] && rmdir --ignore-fail-on-non-empty "$share/$dir"
    done
    # Folders this script may have made, if that left them empty (never above them).
    for dir in icons/hicolor/scalable/apps icons/hicolor/scalable icons/hicolor/symbolic/apps \
        icons/hicolor/symbolic metainfo; do
        [ -d "$share/$dir" ] && rmdir --ignore-fail-on-non-empty "$share/$dir"
    done
    if [ -L "$bindir/crickets" ] && [ "$(readlink "$bindir/crickets")" = "$libdir/crickets" ]; then
        rm -f "$bindir/crickets"
    fi
    if [ -d "$libdir" ]; then
        is_our_bundle "$libdir" || die "$libdir is not a Crickets bundle; left alone"
        rm -rf "$libdir"
    fi
    refresh_caches "$share"
    echo "Crickets' desktop files are removed from $prefix."
    echo "Kept: your data (crickets export first, then delete ~/.local/share/crickets to erase it)"
    echo "and the login entry if you switched it on (Settings, or delete ~/.config/autostart/crickets.desktop)."
    exit 0
fi

[ -f "$DESKTOP_SRC" ] || die "missing $DESKTOP_SRC (run this from a Crickets checkout)"
if [ -n "$shell_files" ] && ! has_shell_files "$shell_files"; then
    die "$shell_files does not hold the completions and the man page (run: make completions)"
fi
if [ -n "$bundle" ]; then
    is_our_bundle "$bundle" || die "$bundle is not a Crickets bundle (build one with packaging/build.sh)"
    bundle=$(cd "$bundle" && pwd)
    [ "$bundle" != "$libdir" ] || die "the bundle is already at $libdir"
    if [ -e "$libdir" ]; then
        is_our_bundle "$libdir" || die "$libdir exists and is not a Crickets bundle; left alone"
        rm -rf "$libdir"
    fi
    mkdir -p "$(dirname "$libdir")" "$bindir"
    cp -a "$bundle" "$libdir"
    ln -sfn "$libdir/crickets" "$bindir/crickets"
    program="$libdir/crickets"
fi
if [ -n "$program" ]; then
    case $program in
        /*) ;;
        *) die "--exec needs an absolute path (got $program)" ;;
    esac
    case $program in
        *%* | *$'\n'*) die "the path $program has a % or a line break; pick another place" ;;
    esac
fi

install -d "$share/applications" "$share/metainfo"
desktop_entry "$program" >"$share/applications/crickets.desktop.tmp"
chmod 0644 "$share/applications/crickets.desktop.tmp"
mv -f "$share/applications/crickets.desktop.tmp" "$share/applications/crickets.desktop"
install -m 0644 "$METAINFO_SRC" "$share/metainfo/$METAINFO_NAME"
for icon in "${ICONS[@]}"; do
    install -D -m 0644 "$ICONS_SRC/$icon" "$share/icons/hicolor/$icon"
done
if [ -z "$shell_files" ] && [ -n "$bundle" ] && has_shell_files "$libdir/$BUNDLE_SHARE"; then
    shell_files="$libdir/$BUNDLE_SHARE"
fi
[ -z "$shell_files" ] || install_shell_files "$shell_files"
refresh_caches "$share"

echo "Crickets is installed in $prefix (menu entry, icons, .ics \"Open with\", AppStream data)."
if [ -n "$shell_files" ]; then
    echo "Shell completion (bash, zsh, fish) and \`man crickets\` are installed; zsh looks in" \
        "$share/zsh/site-functions only if that folder is in its fpath."
fi
if [ -n "$bundle" ]; then
    echo "Run it from the menu, or as $bindir/crickets."
fi
