"""Print the kernel log like dmesg(1).

    jdrgn -c VMCORE -s VMLINUX scripts-py/dmesg.py   (runs unchanged on drgn)
"""
import sys

from drgn.helpers.linux.printk import get_dmesg

sys.stdout.flush()
sys.stdout.buffer.write(get_dmesg(prog))
sys.stdout.buffer.flush()
