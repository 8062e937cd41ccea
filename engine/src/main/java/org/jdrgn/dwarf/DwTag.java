package org.jdrgn.dwarf;

/** DW_TAG_* values (DWARF 5 and GNU extensions); field names are the suffixes after DW_TAG_. */
public final class DwTag {
    private DwTag() {}

    public static final int array_type = 0x01, class_type = 0x02, entry_point = 0x03,
            enumeration_type = 0x04, formal_parameter = 0x05, imported_declaration = 0x08,
            label = 0x0a, lexical_block = 0x0b, member = 0x0d, pointer_type = 0x0f,
            reference_type = 0x10, compile_unit = 0x11, string_type = 0x12, structure_type = 0x13,
            subroutine_type = 0x15, typedef = 0x16, union_type = 0x17, unspecified_parameters = 0x18,
            variant = 0x19, common_block = 0x1a, common_inclusion = 0x1b, inheritance = 0x1c,
            inlined_subroutine = 0x1d, module = 0x1e, ptr_to_member_type = 0x1f, set_type = 0x20,
            subrange_type = 0x21, with_stmt = 0x22, access_declaration = 0x23, base_type = 0x24,
            catch_block = 0x25, const_type = 0x26, constant = 0x27, enumerator = 0x28,
            file_type = 0x29, friend = 0x2a, namelist = 0x2b, namelist_item = 0x2c,
            packed_type = 0x2d, subprogram = 0x2e, template_type_param = 0x2f,
            template_value_param = 0x30, thrown_type = 0x31, try_block = 0x32, variant_part = 0x33,
            variable = 0x34, volatile_type = 0x35, dwarf_procedure = 0x36, restrict_type = 0x37,
            interface_type = 0x38, namespace = 0x39, imported_module = 0x3a,
            unspecified_type = 0x3b, partial_unit = 0x3c, imported_unit = 0x3d, condition = 0x3f,
            shared_type = 0x40, type_unit = 0x41, rvalue_reference_type = 0x42,
            template_alias = 0x43, coarray_type = 0x44, generic_subrange = 0x45,
            dynamic_type = 0x46, atomic_type = 0x47, call_site = 0x48, call_site_parameter = 0x49,
            skeleton_unit = 0x4a, immutable_type = 0x4b,
            GNU_template_template_param = 0x4106, GNU_template_parameter_pack = 0x4107,
            GNU_formal_parameter_pack = 0x4108, GNU_call_site = 0x4109,
            GNU_call_site_parameter = 0x410a;
}
