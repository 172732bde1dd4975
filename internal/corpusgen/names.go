package corpusgen

// culture groups the naming conventions a person's name follows.
type culture uint8

const (
	cEnglish culture = iota
	cArabic
	cGulf // Arabic names with a family name in "Al-" and an optional "bin"
	cHebrew
	cEastSlavic
	cCentralEuropean
	cSpanish
	cFrench
	cGerman
	cDutch
	cNordic
	cItalian
	cPortuguese
	cIndian
	cChinese
	cJapanese
	cKorean
	cWestAfrican
	cEastAfrican
	cTurkish
	cPersian
	cGreek
	cSoutheastAsian
	numCultures
)

// nameTable holds the given names and surnames of one culture. Names are
// separated by white space; "_" stands for a space inside one name.
type nameTable struct {
	male, female, surnames string
}

// nameTables is the read-only source of every person name.
var nameTables = [numCultures]nameTable{
	cEnglish: {
		male: `James John Robert Michael William David Richard Joseph Thomas Charles
Christopher Daniel Matthew Anthony Antony Mark Donald Steven Stephen Paul Andrew Kenneth
Kevin Brian George Timothy Ronald Edward Jeffrey Ryan Gary Nicholas Eric Jonathan
Larry Justin Scott Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack
Dennis Henry Douglas Peter Adam Nathan Walter Harold Carl Arthur Gerald Roger Keith
Lawrence Sean Austin Bruce Alan Frederick Graham Nigel Simon Rupert Hugh Callum Ewan
Declan Liam Owen Rhys Gareth Malcolm Stuart Colin Trevor Duncan`,
		female: `Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen
Nancy Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa
Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Brenda Pamela Emma
Nicole Helen Samantha Katherine Christine Rachel Janet Catherine Heather Diane Ruth
Julie Olivia Joyce Victoria Kelly Lauren Megan Andrea Hannah Jacqueline Judith
Abigail Alice Sophie Grace Charlotte Fiona Siobhan Gwen Imogen Harriet Penelope
Bridget Maureen Eileen Shona Kirsty`,
		surnames: `Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor
Moore Jackson White Harris Thompson Clark Lewis Robinson Walker Young Allen King Wright
Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell
Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey
Cooper Richardson Cox Howard Ward Peterson Gray Watson Brooks Kelly Sanders Price
Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Sullivan Russell
Fisher Hale Burns Castell Ashford Whitlock Pemberton Harrow Kingsley Thornton Blackwood
Fairfax Holloway Winslow Calloway Prescott Langley O'Brien O'Connor O'Neill McAllister
MacLeod Fitzgerald Gallagher Donnelly Hughes Lloyd Griffiths Hargreaves Atherton
Radcliffe Sutherland`,
	},
	cArabic: {
		male: `Mohammed Ahmed Ali Omar Khaled Hassan Hussein Youssef Ibrahim Mahmoud Mustafa
Abdullah Saeed Tariq Walid Osama Karim Nabil Sami Fadi Ziad Bassem Marwan Rami Hisham
Jamal Adel Ayman Yasser Anwar Samir Emad Hazem Sherif Amr Abbas Sameh Ashraf Magdy
Hany Wael Raed Ghassan Nizar Bilal Imad Munir Riad Salah Fouad Kamal Mounir Driss
Rachid Hamza Yassine Mehdi Othman Abdelaziz Said`,
		female: `Fatima Aisha Layla Mariam Nour Huda Rania Salma Yasmin Dina Hala Lina Reem
Amira Noura Samira Zeinab Hanan Ghada Maha Mona Nadia Rasha Heba Iman Shaima Dalia
Abeer Suha Lubna Manal Nawal Soraya Khadija Malak Ghalia Farah Jumana`,
		surnames: `Kamel Shoukry Haddad Khoury Nassar Mansour Saleh Hamdan Qasim Haniyeh Barakat
Darwish Awad Farouk Ghanem Habib Hijazi Issa Jaber Khalil Mahfouz Najjar Sabbagh
Salameh Shami Yassin Zidan Aziz Bishara Daher Fawzi Halabi Karam Maalouf Nasr Obeid
Radwan Sabry Shaheen Suleiman Wahba Zaki Abdel-Fattah el-Sayed al-Masri al-Hashimi
al-Amiri al-Zahrani al-Qahtani al-Otaibi al-Shammari al-Harbi al-Tamimi al-Jabouri
al-Husseini Bennani Tazi Alaoui Bouazizi Ben_Ali Trabelsi Mekki Chaabane Belkacem
Hamdi Azzam Sharif Kattan Tawil Frangieh Moussa Hariri Gemayel Toukan Majali Rifai
Nabulsi Badawi Ghoneim Helmy Zaghloul Fahmy Lotfy`,
	},
	cGulf: {
		male: `Mohammed Abdulrahman Hamad Tamim Faisal Majid Nasser Salem Sultan Rashid Fahd
Badr Mansour Khalifa Saud Turki Nawaf Mishal Talal Jassim Abdulaziz Hamdan Zayed
Saif Khalid Ahmed Abdullah Thani Mubarak`,
		female: `Noura Alanoud Moza Lulwa Hessa Maryam Shaikha Latifa Reem Haya Amna Dana
Fatima Mariam Noof Hind`,
		surnames: `Al-Thani Al-Kuwari Al-Marri Al-Sulaiti Al-Dosari Al-Hajri Al-Mansouri
Al-Nuaimi Al-Ketbi Al-Mazrouei Al-Attiyah Al-Khulaifi Al-Muhannadi Al-Emadi Al-Mohannadi
Al-Shehhi Al-Falasi Al-Suwaidi Al-Romaithi Al-Otaiba Al-Rashidi Al-Mutairi Al-Ajmi
Al-Sabah Al-Ghanim Al-Busaidi Al-Harthy Al-Balushi Al-Khalili Al-Saadi`,
	},
	cHebrew: {
		male: `David Yossi Moshe Avi Yitzhak Eli Amir Ron Gideon Itamar Yair Naftali Yoav
Ehud Shimon Uri Tzachi Dror Omer Noam Ariel Nir Eitan Gadi Oded Ilan Asher Chaim
Shlomo Yaakov Boaz Amos Lior Tzvi Zeev Menachem Yehuda Raz Alon Doron`,
		female: `Tzipi Ayelet Miri Orit Michal Noa Tamar Yael Shira Dana Galit Merav Limor
Hila Keren Efrat Orly Revital Sigal Adi Maya Inbal Rivka Tova Sharon Ruti`,
		surnames: `Barnea Hanegbi Gallant Dermer Levi Cohen Mizrahi Peretz Biton Friedman Katz
Avraham Shapira Ben-David Golan Dahan Azoulay Ohayon Segal Rosen Ashkenazi Halevi
Sharabi Tal Baruch Erez Kedar Livne Meir Naveh Oren Regev Shaked Zamir Ben-Ami Carmeli
Eshel Gafni Harel Margalit Nahum Sasson Vaknin Yosef Ziv Amsalem Barkat Sela Hadad
Ben-Haim Gabay Levinson Greenberg Weiss Zilberman`,
	},
	cEastSlavic: {
		male: `Sergei Dmitri Aleksandr Vladimir Andrei Mikhail Yuri Nikolai Ivan Alexei Pavel
Oleg Viktor Igor Boris Yevgeny Konstantin Anatoly Vadim Maxim Roman Artem Denys
Oleksandr Volodymyr Mykola Taras Bohdan Vitaliy Petro Stepan Ruslan Kirill Gennady
Leonid Arseniy Yaroslav Fyodor Grigory Valery`,
		female: `Natalia Olga Elena Tatiana Irina Svetlana Yulia Anastasia Ekaterina Oksana
Iryna Olena Daria Ksenia Lyudmila Galina Marina Alina Veronika Nadezhda Larisa
Valentina Zoya Lesya Halyna Vira Polina Yevgenia`,
		surnames: `Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Volkov Sokolov Lebedev Kozlov
Novikov Morozov Pavlov Orlov Belov Zaitsev Fedorov Makarov Nikitin Zakharov Soloviev
Vasiliev Romanov Gusev Titov Kiselev Tarasov Belyaev Frolov Gromov Zelensky Kovalenko
Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Kovalchuk Oliynyk Lysenko
Marchenko Rudenko Savchenko Polishchuk Moroz Tkachuk Hrytsenko Yaremchuk Kovalsky
Danylyuk Sydorenko Chernov Litvinenko Levchenko Pylypenko Stepanenko Kharchenko
Shapoval Honcharenko Voronin Gorbunov Sorokin Yershov Baranov Kamensky Zhukovsky
Rybakov Denisov`,
	},
	cCentralEuropean: {
		male: `Piotr Krzysztof Tomasz Marek Jakub Michal Lukasz Wojciech Karel Petr Jiri
Milan Zoran Dragan Goran Nenad Miroslav Stanislav Radoslaw Bartosz Grzegorz Zbigniew
Ondrej Tibor Laszlo Istvan Gabor Bojan Vuk Aleksandar`,
		female: `Agnieszka Katarzyna Malgorzata Ewa Joanna Magdalena Zuzana Jana Petra Lucie
Milica Jelena Ivana Snezana Dragana Beata Dorota Hanna Marketa Tereza Zsofia Eszter
Kinga Vesna`,
		surnames: `Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański
Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk Piotrowski Grabowski Pawlak
Michalski Dvořák Novák Svoboda Černý Procházka Kučera Veselý Horák Petrović
Jovanović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Popović
Kovačević Horvat Babić Tomić Nagy Kovács Szabó Tóth Horváth Varga Molnár Németh
Farkas Balogh`,
	},
	cSpanish: {
		male: `José Luis Carlos Juan Miguel Javier Antonio Manuel Francisco Pedro Alejandro
Fernando Jorge Ricardo Diego Andrés Sergio Pablo Raúl Eduardo Gustavo Rafael Álvaro
Ignacio Gonzalo Joaquín Emilio Santiago Mateo Héctor Rodrigo Enrique Guillermo
Esteban Agustín Felipe Ramiro Nicolás Tomás`,
		female: `María Carmen Ana Isabel Lucía Marta Sofía Paula Claudia Gabriela Daniela
Adriana Beatriz Pilar Rosa Mercedes Alicia Cristina Inés Lorena Ximena Camila
Verónica Silvia Rocío Montserrat Guadalupe Florencia Valeria Catalina`,
		surnames: `García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín
Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz Romero Alonso Gutiérrez Navarro
Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez
Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés
Castillo Lozano Guerrero Cano Prieto Méndez Calvo Gallego Vidal León Herrera Márquez
Peña Flores Cabrera Campos Vega Fuentes Carrasco Aguilar Nieto Pascual Reyes Vargas
de_la_Cruz de_la_Vega Echeverría Arriaga Zapata Salazar Villalobos`,
	},
	cFrench: {
		male: `Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Olivier Julien
Sébastien François Éric Thierry Guillaume Antoine Mathieu Benoît Vincent Didier Yves
Hervé Emmanuel Arnaud Bertrand Gilles Rémi Thibault Jérôme Fabrice Lucien Gaspard`,
		female: `Marie Nathalie Isabelle Sylvie Sophie Céline Valérie Sandrine Aurélie Émilie
Camille Claire Juliette Manon Chloé Léa Mathilde Hélène Brigitte Élodie Margaux Agnès
Delphine Ségolène Clémence Anaïs Corinne`,
		surnames: `Bernard Dubois Petit Durand Leroy Moreau Lefebvre Bertrand Roux Fournier
Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet Legrand Garnier Faure
Rousseau Blanc Guérin Roussel Perrin Morin Clément Gauthier Dumont Fontaine Chevalier
Robin Masson Boyer Lemaire Duval Joly Roche Meunier Marchand Dufour Blanchard Barbier
Brun Dumas Brunet Leroux Renard Rolland Caron Aubert Giraud Leclerc Bourgeois Renaud
Lemoine Picard Gaillard Lacroix Fabre Dupuis Prévost Carpentier de_Villiers
de_Montfort de_Castelnau`,
	},
	cGerman: {
		male: `Klaus Jürgen Wolfgang Stefan Andreas Uwe Dieter Matthias Markus Tobias Florian
Lukas Jonas Felix Maximilian Johannes Friedrich Heinz Günter Ralf Olaf Jens Dirk Bernd
Holger Torsten Volker Hans Karl Helmut Rüdiger Armin Hartmut Gerhard Manfred Reinhard`,
		female: `Ursula Sabine Petra Monika Birgit Katrin Susanne Anja Heike Annalena Johanna
Franziska Lena Greta Ines Dagmar Gisela Renate Silke Ute Manuela Angelika Hildegard
Friederike Svenja`,
		surnames: `Müller Schmidt Schneider Fischer Weber Wagner Becker Schulz Hoffmann Schäfer
Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann
Hartmann Lange Werner Schmitz Krause Meier Lehmann Schulze Köhler Herrmann König
Mayer Huber Kaiser Fuchs Scholz Möller Weiß Jung Hahn Vogel Keller Günther Berger
Winkler Roth Lorenz Baumann Albrecht Schuster Böhm Kraus Schumacher Krämer Vogt Jäger
Sommer Seidel Brandt Haas Ziegler Kuhn Engel Pfeiffer von_Bülow von_Hagen von_Stein
von_Arnim`,
	},
	cDutch: {
		male: `Pieter Willem Hendrik Joost Maarten Bram Sander Ruud Koen Sjoerd Thijs Gijs
Wouter Frans Jeroen Rutger Stijn Bart Mark Hugo Lodewijk Geert`,
		female: `Anouk Femke Sanne Lotte Marieke Inge Fleur Eva Lieke Annemiek Esther Mirjam
Saskia Wilma Ilse Joke Kajsa Hanneke`,
		surnames: `de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer
de_Boer Mulder de_Groot Bos Vos Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra
Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen
van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn van_der_Heijden Schouten van_Beek
Willems van_Vliet van_de_Ven Hoekstra Maas Verhoeven Koster van_Dam Prins Blom
Huisman Peeters Maes Janssens Claes Wouters`,
	},
	cNordic: {
		male: `Lars Anders Erik Nils Johan Magnus Henrik Bjørn Olav Mikael Gustav Axel Oskar
Rasmus Mads Søren Kristian Einar Tor Mattias Jukka Mikko Timo Antti`,
		female: `Ingrid Astrid Sigrid Annika Freja Ida Linnea Maja Elin Kirsten Mette Solveig
Liv Tove Ulla Birgitta Malin Ebba Aino Sanna Riikka`,
		surnames: `Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson
Gustafsson Pettersson Jonsson Lindberg Lindqvist Lindström Bergström Holm Lund
Sandberg Hansen Johansen Olsen Larsen Andersen Pedersen Nielsen Kristiansen Jensen
Rasmussen Sørensen Halvorsen Haugen Bakke Solberg Strand Dahl Nyström Virtanen
Korhonen Mäkinen Nieminen Laine Heikkinen Koskinen Järvinen Lehtonen Salminen
Gunnarsson Thorsen Ekström`,
	},
	cItalian: {
		male: `Giuseppe Giovanni Marco Francesco Alessandro Luca Matteo Lorenzo Stefano Roberto
Paolo Massimo Davide Simone Federico Riccardo Fabio Claudio Enrico Vittorio Salvatore
Gianluca Pietro Emanuele Carlo Mario Luigi Franco Andrea`,
		female: `Giulia Francesca Chiara Valentina Federica Alessandra Elisa Martina Giorgia
Roberta Paola Serena Ilaria Beatrice Arianna Lucia Caterina Simona Elisabetta
Donatella Rosanna Ornella`,
		surnames: `Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno
Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana
Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli
Vitale Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Fabbri
Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina
Monti Cattaneo Morelli Amato Silvestri Benedetti Barone Caputo Montanari Guerra`,
	},
	cPortuguese: {
		male: `João Rui Nuno Tiago Gonçalo Duarte Luís Thiago Felipe Bruno Vinícius Leandro
Marcelo Fábio Renato Caio Otávio Henrique Sérgio Paulo Afonso Jorge`,
		female: `Mariana Joana Catarina Leonor Fernanda Juliana Luana Larissa Aline Renata
Priscila Débora Letícia Vanessa Raquel Fabiana Patrícia Conceição Graça`,
		surnames: `Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes
Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias
Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Gonçalves
Santana Teixeira Araújo Pinto Correia Monteiro Moura Cavalcanti Azevedo Batista
Coelho Magalhães Sousa Tavares Pires Amaral Fonseca Figueiredo Brito Cunha`,
	},
	cIndian: {
		male: `Rahul Amit Vikram Rajesh Sanjay Arjun Anil Sunil Ravi Suresh Prakash Manoj
Deepak Ashok Vivek Rohan Karan Nikhil Aditya Gaurav Pranav Siddharth Varun Rajiv
Venkatesh Srinivas Mohan Ajit Piyush Nitin Arvind Ashwin Sachin Rakesh Dinesh
Harish Sudhir Jagdish Naveen`,
		female: `Priya Anjali Sunita Kavita Neha Pooja Deepika Aishwarya Lakshmi Meera Nirmala
Smriti Shalini Ananya Divya Radhika Sneha Swati Rekha Usha Geeta Aarti Shreya Padma
Kamala Nandini Rupa Harpreet`,
		surnames: `Sharma Verma Gupta Singh Kumar Patel Shah Mehta Reddy Rao Nair Menon Iyer
Pillai Das Bose Chatterjee Banerjee Mukherjee Ghosh Sen Joshi Kulkarni Deshpande Jain
Agarwal Malhotra Kapoor Khanna Chopra Bhatia Sethi Saxena Srivastava Tiwari Mishra
Pandey Dubey Yadav Chauhan Rathore Naidu Krishnan Subramaniam Venkataraman Chandra
Goswami Bhattacharya Dutta Thakur Bhat D'Souza Gill Sandhu`,
	},
	cChinese: {
		male: `Wei Jun Lei Jian Hao Yong Qiang Ming Tao Bo Jianguo Zhiqiang Xiaoming Haifeng
Wenjie Yifan Zhenhua Guoqing Dong Kai Xin Peng Zhiwei Jiahui Yunfei Chenggang`,
		female: `Fang Jing Ying Hui Yan Xiaoling Mei Lan Na Xiu Hong Juan Yun Ping Qing Xia
Yiling Shufen Meiling Huifang Xiaoyan`,
		surnames: `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao
Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Zeng Xiao Tian Pan Yuan Cai Jiang
Yu Du Ye Cheng Su Lu Ding Ren Shen Yao Qian Fu`,
	},
	cJapanese: {
		male: `Hiroshi Takashi Kenji Satoshi Daisuke Kazuo Shinji Akira Yoshihiro Masahiro
Tetsuya Naoki Ryota Takeshi Haruto Sota Kenta Shigeru Fumio Taro Ichiro Koji Makoto
Nobuo`,
		female: `Yuko Keiko Akiko Naoko Tomoko Yoko Emi Haruka Aiko Sakura Yumi Mariko Noriko
Hiromi Megumi Ayumi Kaori Rie Sayaka Mai Yui`,
		surnames: `Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato
Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori
Abe Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada
Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota
Miura Okamoto Matsuda Nakagawa`,
	},
	cKorean: {
		male: `Min-jun Seo-jun Ji-ho Hyun-woo Jae-sung Dong-hyun Sung-min Young-ho Jin-woo
Tae-yang Sang-hoon Kwang-soo Byung-chul Hee-sung Joon-young`,
		female: `Ji-yeon Seo-yeon Min-ji Soo-jin Hye-jin Eun-ji Yoon-ah Ji-woo Na-yeon
Hyun-joo Mi-kyung Sun-hee`,
		surnames: `Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh`,
	},
	cWestAfrican: {
		male: `Chukwuemeka Oluwaseun Babajide Adebayo Olumide Emeka Chinedu Ikechukwu Obinna
Tunde Femi Segun Kwame Kofi Kwabena Yaw Kojo Nana Abdoulaye Mamadou Ousmane Moussa
Ibrahima Amadou Cheikh Seydou Aliyu Musa Bola Nnamdi Uche Godwin Kayode Dapo Sani
Yakubu Nkem Ebuka`,
		female: `Ngozi Chiamaka Adaeze Funmilayo Folake Yetunde Amaka Nkechi Chioma Abena
Akosua Efua Adwoa Ama Aminata Fatou Awa Mariama Aissatou Binta Zainab Hadiza Bisi
Titilayo Ifeoma Uzoma Nneka Kemi`,
		surnames: `Okafor Okonkwo Obi Adeyemi Ogunleye Balogun Eze Nwosu Okeke Chukwu Ibe
Nwachukwu Okoro Adewale Olawale Ogundipe Akinola Afolabi Bakare Oyelaran Danjuma
Abubakar Bello Lawal Mensah Boateng Asante Owusu Osei Appiah Agyeman Darko Ofori
Quaye Addo Diallo Traoré Koné Camara Keita Touré Sow Ndiaye Diop Fall Sy Cissé
Kouyaté Sissoko Ouattara Bamba Coulibaly Diarra Sanogo Oyelowo Adichie Ekwueme
Olatunji`,
	},
	cEastAfrican: {
		male: `Kamau Otieno Mwangi Baraka Juma Omondi Wekesa Kiprono Tendai Tafadzwa Sipho
Thabo Mandla Bongani Themba Lwazi Sibusiso Tesfaye Abebe Dawit Getachew Yohannes
Mulugeta Tadesse Jabari Zuberi Daudi Rashidi Kipkorir Onyango`,
		female: `Wanjiru Akinyi Achieng Njeri Wambui Nyambura Auma Zawadi Neema Rehema Amani
Nomvula Thandiwe Lindiwe Nandi Zanele Ayanda Naledi Palesa Mekdes Tigist Hirut Selam
Meseret Saba`,
		surnames: `Mwangi Otieno Ochieng Odhiambo Kiprotich Kipkemboi Wanjala Njoroge Kariuki
Mutua Omondi Wafula Chebet Kiprop Moyo Ncube Dube Sibanda Ndlovu Nkosi Dlamini
Mokoena Khumalo Zulu Mahlangu Mthembu Pretorius van_der_Merwe Bekele Alemu Girma
Haile Mengistu Gebre Wolde Kebede Desta Assefa Mulatu Mrema Massawe Mushi Lyimo
Kamau Njenga Kimani Maina Nyaga Chirwa Banda Phiri Mwale`,
	},
	cTurkish: {
		male: `Mehmet Ahmet Hüseyin Murat Emre Burak Kemal Cem Serkan Volkan Okan Onur Tolga
Barış Hakan Selim Can Kerem Efe Ozan Erdem Levent Mert`,
		female: `Ayşe Fatma Zeynep Elif Emine Hatice Merve Esra Büşra Selin Deniz Ece Gül
Aylin Derya Seda Pınar Ebru Nilüfer`,
		surnames: `Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan
Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Karaca Güneş Tekin
Acar Aksoy Bulut Ünal Güler Taş Özgür Kaplan Keskin Erdoğan Uysal`,
	},
	cPersian: {
		male: `Reza Hossein Mehdi Hamid Javad Masoud Behrouz Dariush Kourosh Farhad Babak
Morteza Mojtaba Ebrahim Esmaeil Kazem Ramin Shahram Parviz Arash Mohammad Amir`,
		female: `Maryam Zahra Fatemeh Narges Shirin Parisa Nasrin Mahsa Soheila Roya Azadeh
Niloufar Golnar Mina Ladan Forough`,
		surnames: `Hosseini Mohammadi Rezaei Ahmadi Moradi Karimi Rahimi Jafari Kazemi Sadeghi
Mousavi Hashemi Ghorbani Rostami Tehrani Shirazi Esfahani Tabrizi Najafi Ebrahimi
Salehi Amini Bagheri Soltani Nazari Heidari Farahani Kiani Alavi Ansari Zand Pahlavan
Naderi Yazdani`,
	},
	cGreek: {
		male: `Giorgos Dimitris Nikos Konstantinos Yannis Kostas Christos Panagiotis Vasilis
Stavros Alexis Petros Spyros Theodoros Michalis`,
		female: `Eleni Katerina Georgia Dimitra Ioanna Vasiliki Despina Athina Konstantina Niki
Zoe Eirini Stella`,
		surnames: `Papadopoulos Papadakis Georgiou Nikolaidis Konstantinidis Dimitriou Ioannou
Vasileiou Christodoulou Pappas Karagiannis Economou Angelopoulos Alexiou Makris
Stavrou Antoniou Mavros Theodorou Kyriakou Panagiotou Michailidis Athanasiou Kallis
Triantafyllou Galanis`,
	},
	cSoutheastAsian: {
		male: `Budi Agus Joko Bambang Hendra Rizal Arief Dimas Andi Eko Fajar Ramon Minh Tuan
Hung Duc Thanh Somchai Anan Kittisak Chaiwat Wichai Rodel Jericho`,
		female: `Siti Dewi Sri Putri Ayu Rina Indah Lestari Liza Corazon Maricel Lourdes Thu
Linh Huong Ngoc Supaporn Malai Ratana Kanya`,
		surnames: `Santoso Wijaya Kusuma Susanto Hidayat Setiawan Pratama Saputra Nugroho Halim
Gunawan Hartono Sutanto Bautista Villanueva Mendoza Aquino Santiago Dela_Rosa Manalo
Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngo Duong Srisuk Chaiyaporn Wongsakul
Rattanakul Sukhum Boonmee Thongchai Razak Ismail Rahman`,
	},
}
