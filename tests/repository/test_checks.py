from repository.checks import check_libmagic, libmagic_problem


def test_libmagic_types_files_from_their_bytes_here():
    assert libmagic_problem() is None
    assert check_libmagic() == []
