"""Red-black trees (drgn.helpers.linux.rbtree): in-order walks run in Java, bounded."""

from drgn import NULL, Object, container_of
from drgn.helpers import ValidationError
from drgn.helpers.linux._kernel import call

__all__ = (
    "RB_EMPTY_NODE",
    "RB_EMPTY_ROOT",
    "rb_find",
    "rb_first",
    "rb_last",
    "rb_next",
    "rb_parent",
    "rb_prev",
    "rbtree_inorder_for_each",
    "rbtree_inorder_for_each_entry",
    "rbtree_preorder_for_each",
    "rbtree_preorder_for_each_entry",
    "validate_rbtree",
    "validate_rbtree_inorder_for_each_entry",
)


def RB_EMPTY_ROOT(root):
    """Whether a ``struct rb_root *`` is empty."""
    return not root.rb_node


def RB_EMPTY_NODE(node):
    """Whether a ``struct rb_node *`` is not in a tree (its parent is itself)."""
    return rb_parent(node) == node


def rb_parent(node):
    """The parent ``struct rb_node *`` of a node (NULL for the root)."""
    return Object(node.prog_, node.type_, value=node.__rb_parent_color.value_() & ~3)


def _rb_color_black(node):
    return bool(node.__rb_parent_color.value_() & 1)


def rb_first(root):
    """The first (leftmost) ``struct rb_node *`` of a tree, or NULL."""
    node = root.rb_node.read_()
    if not node:
        return node
    while node.rb_left:
        node = node.rb_left.read_()
    return node


def rb_last(root):
    """The last (rightmost) ``struct rb_node *`` of a tree, or NULL."""
    node = root.rb_node.read_()
    if not node:
        return node
    while node.rb_right:
        node = node.rb_right.read_()
    return node


def rb_next(node):
    """The next ``struct rb_node *`` in order, or NULL."""
    node = node.read_()
    if RB_EMPTY_NODE(node):
        return NULL(node.prog_, node.type_)
    if node.rb_right:
        node = node.rb_right.read_()
        while node.rb_left:
            node = node.rb_left.read_()
        return node
    parent = rb_parent(node)
    while parent and node == parent.rb_right:
        node, parent = parent, rb_parent(parent)
    return parent


def rb_prev(node):
    """The previous ``struct rb_node *`` in order, or NULL."""
    node = node.read_()
    if RB_EMPTY_NODE(node):
        return NULL(node.prog_, node.type_)
    if node.rb_left:
        node = node.rb_left.read_()
        while node.rb_right:
            node = node.rb_right.read_()
        return node
    parent = rb_parent(node)
    while parent and node == parent.rb_left:
        node, parent = parent, rb_parent(parent)
    return parent


def rbtree_inorder_for_each(root):
    """Each ``struct rb_node *`` of a ``struct rb_root *`` in order."""
    yield from call(root.prog_, "rbtree_inorder_for_each", root)


def rbtree_inorder_for_each_entry(type, root, member):
    """Each entry (``type *``) of a tree in order, linked through ``member``."""
    yield from call(root.prog_, "rbtree_inorder_for_each_entry", type, root, member)


def rb_find(type, root, member, key, cmp):
    """The entry (``type *``) for which ``cmp(key, entry)`` is 0, or a NULL ``type *``.

    ``cmp`` returns a negative number if the key is less than the entry, positive if greater.
    """
    prog = root.prog_
    type = prog.type(type) if isinstance(type, str) else type
    node = root.rb_node.read_()
    while node:
        entry = container_of(node, type, member)
        ret = cmp(key, entry)
        if ret < 0:
            node = node.rb_left.read_()
        elif ret > 0:
            node = node.rb_right.read_()
        else:
            return entry
    return NULL(prog, prog.pointer_type(type))


def validate_rbtree(type, root, member, cmp, allow_equal):
    """Check a tree: parent pointers, order by ``cmp(a, b)`` and red-black rules; ValidationError if not."""
    for _ in validate_rbtree_inorder_for_each_entry(type, root, member, cmp, allow_equal):
        pass


def validate_rbtree_inorder_for_each_entry(type, root, member, cmp, allow_equal):
    """rbtree_inorder_for_each_entry() that validates the tree as validate_rbtree() does while walking."""
    prog = root.prog_
    type = prog.type(type) if isinstance(type, str) else type
    node = root.rb_node.read_()
    if not node:
        return
    if rb_parent(node):
        raise ValidationError(f"root node {hex(node)} has parent {hex(rb_parent(node))}")
    prev = None
    black_height = [None]

    def visit(node, depth_black):
        nonlocal prev
        black = _rb_color_black(node)
        if not black:
            for child in (node.rb_left, node.rb_right):
                if child and not _rb_color_black(child.read_()):
                    raise ValidationError(f"red node {hex(node)} has red child {hex(child)}")
        depth_black += black
        for child in (node.rb_left.read_(),):
            if child:
                if rb_parent(child) != node:
                    raise ValidationError(f"rb_parent(node {hex(child)}) is {hex(rb_parent(child))}, not {hex(node)}")
                yield from visit(child, depth_black)
            elif black_height[0] is None:
                black_height[0] = depth_black
            elif black_height[0] != depth_black:
                raise ValidationError("red-black tree has inconsistent black height")
        entry = container_of(node, type, member)
        if prev is not None:
            r = cmp(entry, prev)
            if r < 0 or (r == 0 and not allow_equal):
                raise ValidationError(f"{type.type_name()} {hex(prev)} {'is greater than' if r < 0 else 'equals'} "
                                      f"{type.type_name()} {hex(entry)}")
        prev = entry
        yield entry
        child = node.rb_right.read_()
        if child:
            if rb_parent(child) != node:
                raise ValidationError(f"rb_parent(node {hex(child)}) is {hex(rb_parent(child))}, not {hex(node)}")
            yield from visit(child, depth_black)
        elif black_height[0] != depth_black:
            raise ValidationError("red-black tree has inconsistent black height")

    yield from visit(node, 0)


def rbtree_preorder_for_each(root):
    """Each ``struct rb_node *`` of a tree in pre-order (node, left, right)."""
    stack = [root.rb_node.read_()]
    while stack:
        node = stack.pop()
        if not node:
            continue
        yield node
        stack.append(node.rb_right.read_())
        stack.append(node.rb_left.read_())


def rbtree_preorder_for_each_entry(type, root, member):
    """Each entry (``type *``) of a tree in pre-order."""
    for node in rbtree_preorder_for_each(root):
        yield container_of(node, type, member)
