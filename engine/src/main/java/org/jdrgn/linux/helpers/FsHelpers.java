package org.jdrgn.linux.helpers;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelLists;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;

/**
 * drgn.helpers.linux.fs's walks: paths of dentries across mounts, a mount namespace's mounts
 * (a list before Linux 6.8, an rbtree after: decided from the type), a task's open files
 * (its open_fds bitmap). Bounded; a d_parent chain that never reaches a root is an error.
 */
final class FsHelpers {
    static final int MAX_DEPTH = 1 << 16;

    private FsHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.obj("d_path", a -> a.size() > 1 && a.has(1) ? dPath(a.kernel(), a.obj(0), a.obj(1).read())
                : dPath(a.kernel(), a.obj(0).member("mnt"), a.obj(0).member("dentry").read()));
        t.obj("dentry_path", a -> dentryPath(a.obj(0)));
        t.obj("mount_src", a -> a.obj(0).member("mnt_devname").string());
        t.obj("mount_dst", a -> mountDst(a.kernel(), a.obj(0)));
        t.obj("mount_fstype", a -> mountFstype(a.obj(0)));
        t.objOrProg("for_each_mount", a -> forEachMount(a.kernel(), a.objOrNull(0)));
        t.obj("for_each_file", a -> forEachFile(a.obj(0)));
    }

    static byte[] mountDst(KernelObjects k, DrgnObject mnt) {
        DrgnObject vfs = mnt.member("mnt");
        return dPath(k, vfs.addressOf(), vfs.member("mnt_root").read());
    }

    static byte[] mountFstype(DrgnObject mnt) {
        DrgnObject sb = Objs.path(mnt, "mnt.mnt_sb").read();
        byte[] type = Objs.path(sb, "s_type.name").string();
        DrgnObject sub = sb.member("s_subtype").read();
        return Objs.val(sub) == 0 ? type : concat(type, new byte[] {'.'}, sub.string());
    }

    /** The path of (vfsmnt, dentry) up to the global root; "[fstype]" for a d_dname dentry, as drgn. */
    static byte[] dPath(KernelObjects k, DrgnObject vfsmnt, DrgnObject dentry) {
        long mntOff = k.type("struct mount").underlying().member("mnt").offset();
        DrgnObject mnt = k.pointer("struct mount *", Objs.val(vfsmnt) - mntOff);
        DrgnObject dOp = dentry.member("d_op").read();
        if (Objs.val(dOp) != 0 && Objs.val(dOp.member("d_dname")) != 0) {
            return concat(new byte[] {'['}, Objs.path(dentry, "d_inode.i_sb.s_type.name").string(), new byte[] {']'});
        }
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; ; i++) {
            if (i > MAX_DEPTH) throw chain(dentry);
            long d = Objs.val(dentry);
            if (d == Objs.val(Objs.path(mnt, "mnt.mnt_root"))) {
                DrgnObject parent = mnt.member("mnt_parent").read();
                if (Objs.val(parent) == Objs.val(mnt)) break;
                dentry = mnt.member("mnt_mountpoint").read();
                mnt = parent;
                continue;
            }
            DrgnObject parent = dentry.member("d_parent").read();
            if (Objs.val(parent) == d) break;
            names.add(Objs.path(dentry, "d_name.name").string());
            dentry = parent;
        }
        return join(names, true);
    }

    /** The dentry's path from its filesystem's root, without a leading slash (empty for the root). */
    static byte[] dentryPath(DrgnObject dentry) {
        dentry = dentry.read();
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; ; i++) {
            if (i > MAX_DEPTH) throw chain(dentry);
            DrgnObject parent = dentry.member("d_parent").read();
            if (Objs.val(parent) == Objs.val(dentry)) break;
            names.add(Objs.path(dentry, "d_name.name").string());
            dentry = parent;
        }
        return join(names, false);
    }

    static List<DrgnObject> forEachMount(KernelObjects k, DrgnObject ns) {
        if (ns == null) ns = Objs.path(k.object("init_task"), "nsproxy.mnt_ns").read();
        var mountType = k.type("struct mount");
        if (Objs.hasMember(ns.type(), "list")) {
            List<Long> nodes = KernelLists.circular(k, Objs.val(ns.member("list").addressOf()), 0, "struct mnt_namespace mounts");
            List<DrgnObject> out = new ArrayList<>(nodes.size());
            for (long n : nodes) out.add(k.pointer("struct list_head *", n).containerOf(mountType, "mnt_list"));
            return out;
        }
        return Objs.containers(TreeHelpers.inorder(ns.member("mounts").addressOf()), mountType, "mnt_node");
    }

    /** (fd, struct file *) of each bit of the task's open_fds below max_fds, as drgn. */
    static List<Object> forEachFile(DrgnObject task) {
        DrgnObject fdt = Objs.path(task, "files.fdt").read();
        long maxFds = Objs.val(fdt.member("max_fds"));
        DrgnObject fds = fdt.member("fd").read();
        List<Object> out = new ArrayList<>();
        for (long fd : BitmapHelpers.bits(BitmapHelpers.words(fdt.member("open_fds").read(), maxFds), maxFds, true)) {
            out.add(Objs.pair(fd, fds.subscript(fd).read()));
        }
        return out;
    }

    private static ValueErrorException chain(DrgnObject dentry) {
        return new ValueErrorException("dentry chain from 0x" + Long.toHexString(Objs.val(dentry))
                + " does not reach a root (corrupt d_parent)");
    }

    private static byte[] join(List<byte[]> reversedNames, boolean absolute) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = reversedNames.size() - 1; i >= 0; i--) {
            if (absolute || i < reversedNames.size() - 1) out.write('/');
            out.writeBytes(reversedNames.get(i));
        }
        if (absolute && reversedNames.isEmpty()) out.write('/');
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
