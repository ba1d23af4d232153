def test_pages_render(client, organisation, contact_form, membership_form, statement, mailing_list, directory):
    for page in (organisation, contact_form, membership_form, statement, mailing_list, directory):
        response = client.get(page.url)
        assert response.status_code == 200, page
    assert "Open floor" in client.get(organisation.url).content.decode()
    assert "We could not find" in client.get(directory.url, {"town": "Atlantis"}).content.decode()
    assert "Southeast" in client.get(directory.url, {"town": "fall river"}).content.decode()
