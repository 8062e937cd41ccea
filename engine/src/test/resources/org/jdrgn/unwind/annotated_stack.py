# print_annotated_stack for every thread (by tid); drgn 0.0.22 makes <core>.annotated.txt.
from drgn.helpers.common.stack import print_annotated_stack
for t in sorted(prog.threads(), key=lambda t: t.tid):
    print_annotated_stack(t.stack_trace())
