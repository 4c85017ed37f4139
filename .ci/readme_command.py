"""Print one of the README's two Quick start commands, exactly as written there.

Usage: python3 .ci/readme_command.py open|test
``open`` installs Byline and opens the reader on the bundled sample; ``test`` installs it with the
test extra and runs the tests. ``.ci/run`` runs what this prints, so CI and the README cannot drift.
"""

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def quick_start_commands() -> dict[str, str]:
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)
    if len(blocks) != 2 or any("\n" in block for block in blocks):
        sys.exit("README.md: the Quick start must hold exactly two one-line ```sh blocks")
    return {"open": blocks[0], "test": blocks[1]}


if __name__ == "__main__":
    print(quick_start_commands()[sys.argv[1]])
