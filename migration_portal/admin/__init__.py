"""The newsroom's admin site: sign-in with throttling and two-factor codes, in one place.

``site`` holds the AdminSite (set as Django's default through ``apps``), ``two_factor`` the
sign-in form and the enrolment page, ``addresses`` how a visitor's address is read behind the
load balancer, ``csp`` how admin pages give their inline scripts the request's nonce.
"""
