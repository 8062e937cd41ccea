package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.objects.DrgnObject;

/**
 * drgn.helpers.linux.rbtree, llist and list_nulls walks: red-black trees in order, singly
 * linked lock-less lists, nulls-terminated hash lists. Bounded and cycle-detecting; the
 * error names the structure.
 */
final class TreeHelpers {
    static final int MAX_NODES = 1 << 24;

    private TreeHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.anyObj("rbtree_inorder_for_each", a -> inorder(a.obj(0)));
        t.anyObj("rbtree_inorder_for_each_entry", a -> Objs.containers(inorder(a.obj(1)), a.type(0), a.str(2)));
        t.anyObj("llist_for_each", a -> llist(a.obj(0)));
        t.anyObj("llist_for_each_entry", a -> Objs.containers(llist(a.obj(1)), a.type(0), a.str(2)));
        t.anyObj("hlist_nulls_for_each_entry", a -> Objs.containers(nulls(a.obj(1)), a.type(0), a.str(2)));
    }

    /** The struct rb_node * of a struct rb_root * in order (left, node, right). */
    static List<DrgnObject> inorder(DrgnObject root) {
        DrgnObject top = root.member("rb_node").read();
        long rootAddr = Objs.val(root);
        List<DrgnObject> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Long> stack = new ArrayList<>();
        long node = Objs.val(top);
        while (node != 0 || !stack.isEmpty()) {
            while (node != 0) {
                if (!seen.add(node)) throw corrupt("rb_root", rootAddr, "reaches node 0x" + Long.toHexString(node) + " twice");
                if (seen.size() > MAX_NODES) throw corrupt("rb_root", rootAddr, "has more than " + MAX_NODES + " nodes");
                stack.add(node);
                node = Objs.val(Objs.ptr(top, node).member("rb_left"));
            }
            node = stack.remove(stack.size() - 1);
            out.add(Objs.ptr(top, node));
            node = Objs.val(Objs.ptr(top, node).member("rb_right"));
        }
        return out;
    }

    /** The struct llist_node * from {@code first} (a node, or a struct llist_head * whose first is used). */
    static List<DrgnObject> llist(DrgnObject first) {
        if (Objs.hasMember(first.type(), "first")) first = first.member("first");
        first = first.read();
        List<DrgnObject> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long start = Objs.val(first);
        for (long n = start; n != 0; n = Objs.val(Objs.ptr(first, n).member("next"))) {
            if (!seen.add(n)) throw corrupt("llist", start, "loops back to 0x" + Long.toHexString(n));
            if (out.size() >= MAX_NODES) throw corrupt("llist", start, "has more than " + MAX_NODES + " nodes");
            out.add(Objs.ptr(first, n));
        }
        return out;
    }

    /** The struct hlist_nulls_node * of a struct hlist_nulls_head *, up to its nulls marker (low bit set). */
    static List<DrgnObject> nulls(DrgnObject head) {
        DrgnObject first = head.member("first").read();
        long headAddr = Objs.val(head);
        List<DrgnObject> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long n = Objs.val(first); (n & 1) == 0; n = Objs.val(Objs.ptr(first, n).member("next"))) {
            if (n == 0) throw corrupt("hlist_nulls_head", headAddr, "has a NULL link");
            if (!seen.add(n)) throw corrupt("hlist_nulls_head", headAddr, "loops back to 0x" + Long.toHexString(n));
            if (out.size() >= MAX_NODES) throw corrupt("hlist_nulls_head", headAddr, "has more than " + MAX_NODES + " nodes");
            out.add(Objs.ptr(first, n));
        }
        return out;
    }

    static ValueErrorException corrupt(String what, long at, String problem) {
        return new ValueErrorException("struct " + what + " at 0x" + Long.toHexString(at) + " " + problem + " (corrupt " + what + ")");
    }
}
