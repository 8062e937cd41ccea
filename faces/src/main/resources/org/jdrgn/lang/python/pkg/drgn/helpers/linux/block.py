"""Block devices (drgn.helpers.linux.block): disks and partitions of block_class."""

from drgn import container_of
from drgn.helpers.common.format import escape_ascii_string
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.device import MAJOR, MINOR, MKDEV
from drgn.helpers.linux.list import list_for_each_entry

__all__ = ("disk_devt", "disk_name", "for_each_disk", "for_each_partition", "part_devt", "part_name",
           "print_disks", "print_partitions")


def disk_devt(disk):
    """The ``dev_t`` of a ``struct gendisk *``."""
    return MKDEV(disk.major, disk.first_minor)


def disk_name(disk):
    """The name (bytes) of a ``struct gendisk *``."""
    return disk.disk_name.string_()


def _block_devices(prog):
    """Each ``struct device *`` of block_class (its subsys_private's klist, 5.x/6.x layouts)."""
    block_class = prog["block_class"]
    if hasattr(block_class, "p"):
        head = block_class.p.klist_devices.k_list.address_of_()
    else:                                        # Linux 6.4+: class_to_subsys()
        from drgn.helpers.linux.list import list_for_each_entry as each
        head = None
        for sp in each("struct subsys_private", prog["class_kset"].list.address_of_(), "subsys.kobj.entry"):
            if sp.member_("class") == block_class.address_of_():
                head = sp.klist_devices.k_list.address_of_()
                break
        if head is None:
            return
    for dp in list_for_each_entry("struct device_private", head, "knode_class.n_node"):
        yield dp.device.read_()


def _is_partition(prog, device):
    return device.type == prog["part_type"].address_of_()


def _bdev(device):
    return container_of(device, "struct block_device", "bd_device")


@takes_program_or_default
def for_each_disk(prog):
    """Each ``struct gendisk *`` of the system."""
    disk_type = prog["disk_type"].address_of_()
    for device in _block_devices(prog):
        if device.type == disk_type:
            yield _bdev(device).bd_disk.read_()


@takes_program_or_default
def print_disks(prog):
    """Print each disk as "major:minor name (struct gendisk *)0x..."."""
    for disk in for_each_disk(prog):
        devt = disk_devt(disk)
        print(f"{MAJOR(devt)}:{MINOR(devt)} {escape_ascii_string(disk_name(disk), escape_backslash=True)} "
              f"({disk.type_.type_name()})0x{disk.value_():x}")


def part_devt(part):
    """The ``dev_t`` of a partition (``struct block_device *``)."""
    return part.bd_dev


def part_name(part):
    """The name (bytes) of a partition (``struct block_device *``)."""
    return part.bd_device.kobj.name.string_()


@takes_program_or_default
def for_each_partition(prog):
    """Each partition of the system, disks' whole-device partitions included (``struct block_device *``)."""
    for device in _block_devices(prog):
        yield _bdev(device)


@takes_program_or_default
def print_partitions(prog):
    """Print each partition as "major:minor name (struct block_device *)0x..."."""
    for part in for_each_partition(prog):
        devt = part_devt(part)
        print(f"{MAJOR(devt)}:{MINOR(devt)} {escape_ascii_string(part_name(part), escape_backslash=True)} "
              f"({part.type_.type_name()})0x{part.value_():x}")
