"""Networking (drgn.helpers.linux.net): namespaces, devices, sockets."""

import operator

from drgn import NULL, Object, Program, container_of
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.fs import fget
from drgn.helpers.linux.list import hlist_for_each_entry, list_for_each_entry
from drgn.helpers.linux.list_nulls import hlist_nulls_for_each_entry

__all__ = ("SOCKET_I", "SOCK_INODE", "for_each_net", "get_net_ns_by_fd", "get_net_ns_by_inode",
           "netdev_for_each_tx_queue", "netdev_get_by_index", "netdev_get_by_name", "sk_fullsock",
           "sk_nulls_for_each")

_NETDEV_HASHBITS = 8


def SOCKET_I(inode):
    """The ``struct socket *`` of a socket's ``struct inode *``."""
    return container_of(inode, "struct socket_alloc", "vfs_inode").socket.address_of_()


def SOCK_INODE(sock):
    """The ``struct inode *`` of a ``struct socket *``."""
    return container_of(sock, "struct socket_alloc", "socket").vfs_inode.address_of_()


@takes_program_or_default
def for_each_net(prog):
    """Each network namespace (``struct net *``)."""
    return list_for_each_entry("struct net", prog["net_namespace_list"].address_of_(), "list")


def get_net_ns_by_inode(inode):
    """The ``struct net *`` of a network namespace file's ``struct inode *`` (/proc/PID/ns/net)."""
    prog = inode.prog_
    if inode.i_fop != prog["ns_file_operations"].address_of_():
        raise ValueError("not a namespace inode")
    ns = Object(prog, "struct ns_common *", value=inode.i_private.value_())
    if ns.ops != prog["netns_operations"].address_of_():
        raise ValueError("not a network namespace inode")
    return container_of(ns, "struct net", "ns")


def get_net_ns_by_fd(task, fd):
    """The ``struct net *`` of a task's file descriptor opened on a network namespace file."""
    return get_net_ns_by_inode(fget(task, fd).f_inode)


def netdev_for_each_tx_queue(dev):
    """Each ``struct netdev_queue *`` transmit queue of a ``struct net_device *``."""
    for i in range(dev.num_tx_queues.value_()):
        yield dev._tx + i


def _net(prog_or_net):
    return prog_or_net["init_net"].address_of_() if isinstance(prog_or_net, Program) else prog_or_net


def netdev_get_by_index(prog_or_net, ifindex):
    """The ``struct net_device *`` with an interface index in a namespace (init_net for a Program), or NULL."""
    net = _net(prog_or_net)
    ifindex = operator.index(ifindex)
    head = net.dev_index_head[ifindex & ((1 << _NETDEV_HASHBITS) - 1)]
    for dev in hlist_for_each_entry("struct net_device", head.address_of_(), "index_hlist"):
        if dev.ifindex == ifindex:
            return dev
    return NULL(net.prog_, "struct net_device *")


def netdev_get_by_name(prog_or_net, name):
    """The ``struct net_device *`` with a name (str or bytes) in a namespace, or NULL."""
    net = _net(prog_or_net)
    if isinstance(name, str):
        name = name.encode()
    for dev in list_for_each_entry("struct net_device", net.dev_base_head.address_of_(), "dev_list"):
        if dev.name.string_() == name:
            return dev
    return NULL(net.prog_, "struct net_device *")


def sk_fullsock(sk):
    """Whether a ``struct sock *`` is a full socket (not a request or time-wait mini-socket)."""
    prog = sk.prog_
    state = sk.__sk_common.skc_state.value_()
    return state != prog["TCP_SYN_RECV"].value_() and state != prog["TCP_TIME_WAIT"].value_()


def sk_nulls_for_each(head):
    """Each ``struct sock *`` of a ``struct hlist_nulls_head *``."""
    return hlist_nulls_for_each_entry("struct sock", head, "__sk_common.skc_nulls_node")
