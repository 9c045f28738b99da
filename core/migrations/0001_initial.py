"""The registry and the site settings move here from `home`, keeping their rows.

Only Django's record of the models moves: the tables stay (renamed in 0002), and the content
types are relabelled rather than recreated, so revisions, permissions, translation sources and
log entries that point at them still do.
"""

import core.models.settings
import django.core.validators
import django.db.models.deletion
import uuid
import wagtail.fields
import wagtail.models.preview
from django.db import migrations, models


MOVED = ["region", "healthtrust", "navigationmenu", "sitesettings", "alertsettings"]


def _relabel(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if types.filter(app_label=old, model=model).exists():
            # A row under the new label can only come from code that looked the type up before
            # this migration made its table: nothing points at it yet, while everything points
            # at the old row, which must win.
            types.filter(app_label=new, model=model).delete()
            types.filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


def relabel_content_types(apps, schema_editor):
    _relabel(apps, schema_editor, "home", "core")


def unrelabel_content_types(apps, schema_editor):
    _relabel(apps, schema_editor, "core", "home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0006_alter_newspage_image_alt'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtailimages', '0027_image_description'),
    ]

    state_operations = [
        migrations.CreateModel(
            name='Region',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True, verbose_name='slug')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
            ],
            options={
                'db_table': 'home_region',
                'verbose_name': 'health region',
                'verbose_name_plural': 'health regions',
                'ordering': ['sort_order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='AlertSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('banners', wagtail.fields.StreamField([('banner', 5)], blank=True, block_lookup={0: ('wagtail.blocks.TextBlock', (), {'label': 'Message', 'max_length': 300}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Warning'), ('critical', 'Crisis')], 'label': 'Level'}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'Link to more information', 'required': False}), 3: ('wagtail.blocks.DateTimeBlock', (), {'label': 'Show from'}), 4: ('wagtail.blocks.DateTimeBlock', (), {'label': 'Show until'}), 5: ('wagtail.blocks.StructBlock', [[('message', 0), ('level', 1), ('link', 2), ('start', 3), ('end', 4)]], {})}, help_text='Shown at the top of every page of this site from their start until their end. Banners set on the national portal show on every site.', verbose_name='alert banners')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'db_table': 'home_alertsettings',
                'verbose_name': 'alert banners',
                'verbose_name_plural': 'alert banners',
            },
        ),
        migrations.CreateModel(
            name='NavigationMenu',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('title', models.CharField(help_text="For editors only, e.g. 'Hovedmeny Helse Bergen'.", max_length=100, verbose_name='title')),
                ('items', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Label', 'max_length': 80}), 1: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('label', 0), ('page', 1), ('url', 2)]], {})}, verbose_name='menu items')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'db_table': 'home_navigationmenu',
                'verbose_name': 'navigation menu',
                'verbose_name_plural': 'navigation menus',
                'ordering': ['title'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.models.preview.PreviewableMixin, models.Model),
        ),
        migrations.CreateModel(
            name='HealthTrust',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True, verbose_name='slug')),
                ('name', models.CharField(max_length=150, verbose_name='official name')),
                ('kind', models.CharField(choices=[('regional', 'Regional health authority'), ('trust', 'Health trust'), ('private-nonprofit', 'Private non-profit hospital'), ('pharmacy', 'Hospital pharmacy'), ('support', 'Support company')], max_length=20, verbose_name='kind')),
                ('public_domain', models.CharField(blank=True, max_length=100, verbose_name='public domain')),
                ('site', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='health_trust', to='wagtailcore.site', verbose_name='site')),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='trusts', to='core.region', verbose_name='region')),
            ],
            options={
                'db_table': 'home_healthtrust',
                'verbose_name': 'health trust',
                'verbose_name_plural': 'health trusts',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('display_name', models.CharField(blank=True, help_text="Shown in the header; the trust's official name when empty.", max_length=120, verbose_name='display name')),
                ('theme_colour', models.CharField(default='#005b7f', help_text='Background of the header and buttons, behind white text (#rrggbb).', max_length=7, validators=[core.models.settings.validate_theme_colour], verbose_name='theme colour')),
                ('phone', models.CharField(blank=True, max_length=30, validators=[django.core.validators.RegexValidator('^\\+?[0-9 ]{5,20}$', 'Enter a phone number, e.g. 55 97 50 00.', code='phone')], verbose_name='switchboard phone')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('postal_address', models.TextField(blank=True, verbose_name='postal address')),
                ('visiting_address', models.TextField(blank=True, verbose_name='visiting address')),
                ('emergency_notice', models.CharField(default='Ved akutt behov, ring 113', max_length=200, verbose_name='emergency notice')),
                ('social_links', wagtail.fields.StreamField([('social', 2)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('facebook', 'Facebook'), ('instagram', 'Instagram'), ('linkedin', 'LinkedIn'), ('youtube', 'YouTube'), ('x', 'X'), ('other', 'Other')], 'label': 'Service'}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'URL'}), 2: ('wagtail.blocks.StructBlock', [[('service', 0), ('url', 1)]], {})}, verbose_name='social links')),
                ('footer_links', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Label', 'max_length': 80}), 1: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('label', 0), ('page', 1), ('url', 2)]], {})}, verbose_name='footer links')),
                ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                ('main_navigation', models.ForeignKey(blank=True, help_text='Choose the Bokmål menu; translations are used on translated pages.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.navigationmenu', verbose_name='main navigation')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'db_table': 'home_sitesettings',
                'verbose_name': 'site settings',
                'verbose_name_plural': 'site settings',
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(relabel_content_types, unrelabel_content_types),
    ]
