package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.linux.KernelLists;
import org.jdrgn.objects.DrgnObject;

/**
 * drgn.helpers.linux.list's walks over any program: struct list_head (both directions) and
 * struct hlist_head, bounded and cycle-detecting (KernelLists); entries by container_of.
 */
final class ListHelpers {
    private ListHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.anyObj("list_for_each", a -> listNodes(a, 0, 0));
        t.anyObj("list_for_each_reverse", a -> listNodes(a, 0, 8));
        t.anyObj("list_for_each_entry", a -> Objs.containers(listNodes(a, 1, 0), a.type(0), a.str(2)));
        t.anyObj("list_for_each_entry_reverse", a -> Objs.containers(listNodes(a, 1, 8), a.type(0), a.str(2)));
        t.anyObj("hlist_for_each", a -> hlistNodes(a, 0));
        t.anyObj("hlist_for_each_entry", a -> Objs.containers(hlistNodes(a, 1), a.type(0), a.str(2)));
    }

    /** The struct list_head * nodes after the head argument i (next: linkOffset 0, prev: 8). */
    static List<DrgnObject> listNodes(HelperArgs a, int i, int linkOffset) {
        DrgnObject head = a.obj(i).read();
        return objects(head, KernelLists.circular(a.kernel(), Objs.val(head), linkOffset, "struct list_head"));
    }

    /** The struct hlist_node * nodes of the struct hlist_head * argument i. */
    static List<DrgnObject> hlistNodes(HelperArgs a, int i) {
        DrgnObject head = a.obj(i);
        DrgnObject first = head.member("first").read();
        return objects(first, KernelLists.nullTerminated(a.kernel(), Objs.val(head.read()), Objs.val(first), "struct hlist_head"));
    }

    static List<DrgnObject> objects(DrgnObject like, List<Long> addresses) {
        List<DrgnObject> out = new ArrayList<>(addresses.size());
        for (long addr : addresses) out.add(Objs.ptr(like, addr));
        return out;
    }
}
